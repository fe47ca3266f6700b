import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BotProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote so far (its logs). */
  output(): string;
  /** Resolves when the output contains `text` (rejects after `ms`). */
  waitForOutput(text: string, ms?: number): Promise<void>;
  /** Resolves with the exit code when the process ends. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * The real bot (`node --import tsx src/index.ts`) as its own process on a free loopback port, with
 * the given environment on top of a local-mode default and its own temporary DATA_DIR. Resolves
 * once it is listening.
 */
export async function startBotProcess(env: Record<string, string> = {}): Promise<BotProcess> {
  const dataDir = env.DATA_DIR === undefined ? mkdtempSync(join(tmpdir(), 'mfa-bot-')) : undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...(dataDir === undefined ? {} : { DATA_DIR: dataDir }), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bot did not start:\n${out}`));
    }, 30_000);
    const look = () => {
      const m = /"event":"started","port":(\d+)/.exec(out);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        child.stdout.off('data', look);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', look);
    void exited.then((code) => reject(new Error(`bot exited (${code}) before listening:\n${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    waitForOutput: (text, ms = 5000) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const poll = () => {
          if (out.includes(text)) return resolve();
          if (Date.now() - started > ms) return reject(new Error(`no "${text}" in the output:\n${out.slice(-2000)}`));
          setTimeout(poll, 20);
        };
        poll();
      }),
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
