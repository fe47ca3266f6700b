import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Target {
  /** Shown in the results. */
  readonly name: string;
  /** The compiled entry point to run with plain `node`. */
  readonly entry: string;
  readonly env: Readonly<Record<string, string>>;
}

export interface Running {
  readonly url: string;
  readonly pid: number;
  rssMb(): number;
  stop(): Promise<void>;
}

/** Starts a target on a free loopback port; resolves when it has logged `"event":"started"`. */
export async function start(target: Target): Promise<Running> {
  const child: ChildProcess = spawn(process.execPath, [target.entry], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...target.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${target.name} did not start:\n${out}`));
    }, 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"event":"started"[^\n]*?"port":(\d+)/.exec(out);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        out = '';
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`${target.name} exited (${code}):\n${out}`)));
  });
  // Keep draining its output so a chatty process never blocks on a full pipe.
  child.stdout?.resume();
  const pid = child.pid ?? 0;
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    rssMb: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** Milliseconds from spawning the process to the first 200 from GET /healthz (polled every 5 ms). */
export async function startupMs(target: Target, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [target.entry], { env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', ...target.env }, stdio: 'ignore' });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 30_000) throw new Error(`${target.name} not ready after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  }
}

export interface Probe {
  readonly url: string;
  /** Heap in use after a full GC, and bytes of state in the memory store. */
  measure(): Promise<{ heapUsed: number; storedBytes: number }>;
  stop(): Promise<void>;
}

/** bench/heapProbe.ts: the real app in a process with --expose-gc that reports its heap on request. */
export async function startProbe(root: string, env: Readonly<Record<string, string>>): Promise<Probe> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', `${root}bench/heapProbe.ts`], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stderr.resume();
  const lines: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  let buffer = '';
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    let i: number;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      const waiter = waiters.shift();
      if (waiter === undefined) lines.push(line);
      else waiter(line);
    }
  });
  const next = () => new Promise<string>((resolve) => {
    const line = lines.shift();
    if (line === undefined) waiters.push(resolve);
    else resolve(line);
  });
  const started: unknown = JSON.parse(await next());
  const port = typeof started === 'object' && started !== null && 'port' in started && typeof started.port === 'number' ? started.port : NaN;
  return {
    url: `http://127.0.0.1:${port}`,
    measure: async () => {
      child.stdin.write('measure\n');
      const m: unknown = JSON.parse(await next());
      if (typeof m === 'object' && m !== null && 'heapUsed' in m && typeof m.heapUsed === 'number' && 'storedBytes' in m && typeof m.storedBytes === 'number') return { heapUsed: m.heapUsed, storedBytes: m.storedBytes };
      throw new Error('bad probe answer');
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
        child.kill('SIGTERM');
      }),
  };
}
