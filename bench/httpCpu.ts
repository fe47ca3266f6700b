/**
 * CPU time the bot process spends per answered request over HTTP, beside the echo bot's: steadier
 * than turns per second on a shared machine, where other processes take the cores. Each target is
 * started compiled (as `npm run bench` does: run `npx tsc -p tsconfig.json` and build
 * bench/.out/echoBot.js first, or run `npm run bench` once), driven with the load benchmark's
 * conversation at concurrency C for S seconds after a 2 s warm-up, and its user + system time read
 * from /proc (Linux) before and after.
 *
 *   npx tsx bench/httpCpu.ts                      echo, SQLite, memory
 *   TARGETS=echo,sqlite,echo,sqlite C=16 S=5 npx tsx bench/httpCpu.ts   alternate, to compare like for like
 *   BEFORE=/path/to/other/checkout/dist/index.js TARGETS=before,sqlite …  another build of the bot (SQLite)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from './lib/load.js';
import { start, type Target } from './lib/processes.js';

const ROOT = new URL('..', import.meta.url).pathname;
const C = Number(process.env.C ?? 16);
const S = Number(process.env.S ?? 6);
const dataDir = mkdtempSync(join(tmpdir(), 'bench-http-cpu-'));

/** User + system CPU time of a process so far, in µs (the kernel counts in clock ticks of 10 ms). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

const bot = (name: string, entry: string, storage: string): Target => ({ name, entry, env: { STORAGE: storage, DATA_DIR: mkdtempSync(join(dataDir, `${name}-`)), LOG_LEVEL: 'info' } });
const targets: Record<string, () => Target> = {
  echo: () => ({ name: 'echo', entry: join(ROOT, 'bench/.out/echoBot.js'), env: {} }),
  sqlite: () => bot('sqlite', join(ROOT, 'dist/index.js'), 'sqlite'),
  memory: () => bot('memory', join(ROOT, 'dist/index.js'), 'memory'),
  before: () => bot('before', process.env.BEFORE ?? '', 'sqlite'),
};

for (const name of (process.env.TARGETS ?? 'echo,sqlite,memory').split(',')) {
  const make = targets[name];
  if (make === undefined) throw new Error(`unknown target ${name}`);
  const running = await start(make());
  await load(running.url, C, 2, `warm-${name}`);
  const before = cpuMicros(running.pid);
  const r = await load(running.url, C, S, `cpu-${name}`);
  const spent = cpuMicros(running.pid) - before;
  const answered = r.turnsPerSecond * r.seconds;
  console.log(`${name.padEnd(7)} c=${C}  ${r.turnsPerSecond.toFixed(0).padStart(5)} turns/s  p99 ${r.p99.toFixed(1)} ms  bot CPU ${(spent / answered).toFixed(0)} µs a turn`);
  await running.stop();
}
rmSync(dataDir, { recursive: true, force: true });
