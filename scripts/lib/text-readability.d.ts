/** The one function of text-readability (no types of its own) that the readability check uses. */
declare module 'text-readability' {
  interface Readability {
    fleschReadingEase(text: string): number;
  }
  const readability: Readability;
  export default readability;
}
