import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of a server, to play storage faults: `pass` forwards, `delay`
 * forwards each request after a pause, `delay-writes` only HTTP PUTs (blob uploads), `blackhole` swallows requests and never answers, `refuse`
 * closes connections at once. Mode changes apply to open connections too; `cut()` drops them all.
 */
export type ProxyMode = 'pass' | 'delay' | 'delay-writes' | 'blackhole' | 'refuse';

export interface TcpProxy {
  readonly port: number;
  mode: ProxyMode;
  delayMs: number;
  /** Resolves when the next request is held back by a delay. */
  nextHeld(): Promise<void>;
  cut(): void;
  close(): Promise<void>;
}

/** A proxy to `targetPort` on loopback, listening on `listenPort` (default: a free port). */
export async function startTcpProxy(targetPort: number, listenPort = 0): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const state: { mode: ProxyMode; delayMs: number } = { mode: 'pass', delayMs: 0 };
  const held: (() => void)[] = [];
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const server: Server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    if (state.mode === 'refuse') return void client.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    open.add(upstream);
    upstream.on('close', () => {
      open.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.pipe(client);
    // The mode is looked at for every chunk, so it also applies to kept-alive connections; chunks
    // go through one queue per connection so a delayed request is never overtaken by its own body.
    let queue = Promise.resolve();
    client.on('data', (chunk: Buffer) => {
      if (state.mode === 'refuse') return void client.destroy();
      if (state.mode === 'blackhole') return;
      const isWrite = chunk.subarray(0, 4).toString('latin1') === 'PUT ';
      const delay = state.mode === 'delay' || (state.mode === 'delay-writes' && isWrite) ? state.delayMs : 0;
      if (delay > 0) for (const resolve of held.splice(0)) resolve();
      queue = queue.then(() => (delay > 0 ? sleep(delay) : undefined)).then(() => void (upstream.destroyed || upstream.write(chunk)));
    });
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    get mode() {
      return state.mode;
    },
    set mode(m: ProxyMode) {
      state.mode = m;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    nextHeld() {
      return new Promise<void>((resolve) => held.push(resolve));
    },
    cut() {
      for (const s of open) s.destroy();
    },
    close() {
      for (const s of open) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
