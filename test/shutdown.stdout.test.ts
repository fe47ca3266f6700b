import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/childProcess.js';
import { makeTempDir } from './support/tempDir.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitForHealth(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the bot did not start');
}

const temps: (() => void)[] = [];
afterEach(() => {
  for (const remove of temps.splice(0)) remove();
});

/**
 * Issue 15, item 15: when nobody reads the bot's standard output (a stalled log collector), the
 * bot must still stop on SIGTERM: logging never blocks the exit.
 */
describe('stopping while nobody reads the logs', () => {
  it('SIGTERM with a full stdout pipe exits within 10 s', async () => {
    const temp = makeTempDir('stdout-full');
    temps.push(temp.remove);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // stdout is a pipe this test holds open and never reads: once the kernel's pipe buffer (64 KB)
    // is full, every write to it would wait for ever.
    const fifo = join(temp.dir, 'stdout.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'trace', DATA_DIR: temp.dir },
      stdio: ['ignore', writer, 'ignore'],
    });
    closeSync(writer);
    temps.push(() => closeSync(reader));
    const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
    try {
      await waitForHealth(url, 30_000);
      // Enough log lines to fill the pipe many times over; the bot keeps answering meanwhile.
      for (let round = 0; round < 25; round++) {
        const statuses = await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            fetch(`${url}/api/messages`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ type: 'message', text: 'menu', channelId: 'emulator', from: { id: `u${i}` }, recipient: { id: 'bot' }, conversation: { id: `c${round}-${i}` }, id: `a${round}-${i}`, deliveryMode: 'expectReplies' }),
              signal: AbortSignal.timeout(10_000),
            }).then((r) => r.status),
          ),
        );
        expect(statuses.every((s) => s === 200)).toBe(true);
      }
      const started = Date.now();
      child.kill('SIGTERM');
      const outcome = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 10_000))]);
      expect(outcome).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    }
  }, 90_000);
});
