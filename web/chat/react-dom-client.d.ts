/**
 * react-dom 18 ships no types and @types/react-dom is not installed: the one function we use.
 * (If @types/react-dom is added, delete this file.)
 */
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';

  export interface Root {
    render(children: ReactNode): void;
    unmount(): void;
  }

  export function createRoot(container: Element | DocumentFragment): Root;
}
