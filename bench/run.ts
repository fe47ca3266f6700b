/**
 * npm run bench — load, memory and start-up of the real server on loopback, side by side with a
 * bare echo bot on the same stack. Writes the "Load" section of bench/RESULTS.md.
 *
 *   BENCH_SECONDS (default 3)          measured seconds per round, concurrency level and bot
 *   BENCH_ROUNDS (default 7)           rounds per concurrency level, the bots interleaved in each
 *   BENCH_WARMUP (default 2)           warm-up seconds before a bot's first round at a level (not recorded)
 *   BENCH_CONVERSATIONS (default 10000) distinct conversations for the memory measurement
 *   BENCH_WRITE=0                       print only, leave RESULTS.md alone
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { fill, load, type LoadResult } from './lib/load.js';
import { start, startProbe, startupMs, type Target } from './lib/processes.js';
import { writeSection } from './lib/results.js';
import { SCRIPT } from './lib/conversation.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);
const CONCURRENCY = [1, 16, 64] as const;
const ROOT = new URL('..', import.meta.url).pathname;

const log = (line: string) => process.stdout.write(`${line}\n`);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

// Both bots run compiled, with plain `node` and the same process settings.
log('building dist/ (tsc) and the echo bot (esbuild)…');
execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.json')], { stdio: 'inherit' });
await build({ entryPoints: [join(ROOT, 'bench/echoBot.ts')], outfile: join(ROOT, 'bench/.out/echoBot.js'), platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });

const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'));
const dir = (name: string) => {
  const d = join(dataDir, name);
  mkdirSync(d, { recursive: true });
  return d;
};
const entry = join(ROOT, 'dist/index.js');
/** The bot as it ships (the embedded SQLite store, the default) and with the in-memory store. */
const MFA: readonly Target[] = [
  { name: 'MFA Assistant (SQLite store, default)', entry, env: { STORAGE: 'sqlite', DATA_DIR: dir('load-sqlite'), LOG_LEVEL: 'info' } },
  { name: 'MFA Assistant (memory store)', entry, env: { STORAGE: 'memory', DATA_DIR: dir('load-memory'), LOG_LEVEL: 'info' } },
];
const echo: Target = { name: 'echo bot', entry: join(ROOT, 'bench/.out/echoBot.js'), env: {} };

/** Stores to measure memory with: add one here to measure it too. */
const STORES: readonly { name: string; env: (dir: string) => Record<string, string> }[] = [
  { name: 'SQLite', env: (d) => ({ STORAGE: 'sqlite', DATA_DIR: d }) },
  { name: 'memory', env: (d) => ({ STORAGE: 'memory', DATA_DIR: d }) },
];

// 1. Load: the conversation mix at each concurrency, in ROUNDS rounds, every bot in turn in each
// (order rotated per round). A shared machine's speed drifts over minutes, so each bot is compared
// with the echo bot of the same round, and the row shows medians over the rounds.
interface Row {
  readonly c: number;
  /** Each bot's result in each round. */
  readonly rounds: Map<string, LoadResult[]>;
}
const rows: Row[] = [];
const everyone = [echo, ...MFA];
const running = await Promise.all(everyone.map((t) => start(t)));
for (const c of CONCURRENCY) {
  const rounds = new Map<string, LoadResult[]>(everyone.map((t) => [t.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < everyone.length; k++) {
      const i = (k + round) % everyone.length;
      const target = everyone[i];
      const bot = running[i];
      if (target === undefined || bot === undefined) continue;
      if (round === 0 && WARMUP > 0) await load(bot.url, c, WARMUP, `warm-${c}-${i}`);
      const r = await load(bot.url, c, SECONDS, `c${c}-${round}-${i}`);
      rounds.get(target.name)?.push(r);
      log(`${target.name.padEnd(40)} c=${String(c).padEnd(3)} round ${round + 1} ${r.turnsPerSecond.toFixed(0).padStart(6)} turns/s  p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  non-2xx ${r.non2xx}  errors ${r.errors}  misses ${r.misses}`);
    }
  }
  rows.push({ c, rounds });
}
const rssAfterLoad = new Map(MFA.map((t, i) => [t.name, running[i + 1]?.rssMb() ?? NaN]));
await Promise.all(running.map((r) => r.stop()));

// 2. Resident memory after CONVERSATIONS distinct conversations (3 turns each: welcome, start the walkthrough, Next).
const memory: { store: string; before: number; after: number; conversations: number; problems: number; heapPerConversation: number; storedPerConversation: number }[] = [];
for (const store of STORES) {
  // What the conversations really keep: heap after a full GC, in a probe process running the same app.
  const probe = await startProbe(ROOT, { LOG_LEVEL: 'warn', ...store.env(dir(`probe-${store.name}`)) });
  await fill(probe.url, 50, 3, 4, `probe-warm-${store.name}`);
  const h0 = await probe.measure();
  const probed = await fill(probe.url, CONVERSATIONS, 3, 16, `probe-${store.name}`);
  const h1 = await probe.measure();
  await probe.stop();
  const heapPerConversation = (h1.heapUsed - h0.heapUsed) / probed.conversations;
  const storedPerConversation = (h1.storedBytes - h0.storedBytes) / probed.conversations;

  const bot = await start({ name: `MFA Assistant (${store.name})`, entry, env: { LOG_LEVEL: 'info', ...store.env(dir(`rss-${store.name}`)) } });
  await fill(bot.url, 50, 3, 4, `mem-warm-${store.name}`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const before = bot.rssMb();
  const filled = await fill(bot.url, CONVERSATIONS, 3, 16, `mem-${store.name}`);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const after = bot.rssMb();
  await bot.stop();
  memory.push({ store: store.name, before, after, conversations: filled.conversations, problems: filled.non2xx + filled.misses, heapPerConversation, storedPerConversation });
  log(`memory (${store.name}): RSS ${before.toFixed(0)} MB → ${after.toFixed(0)} MB after ${filled.conversations} conversations (${(((after - before) * 1024) / filled.conversations).toFixed(2)} KB each); heap kept after GC ${(heapPerConversation / 1024).toFixed(2)} KB each, state stored ${storedPerConversation.toFixed(0)} bytes each; problems ${filled.non2xx + filled.misses}`);
}
// 3. Start-up: spawn to the first 200 from /healthz, median of 5.
const startup = new Map<string, number>();
const defaultBot: Target = { name: 'MFA Assistant', entry, env: { DATA_DIR: dir('startup') } };
for (const target of [defaultBot, echo]) {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push(await startupMs(target, await freePort()));
  startup.set(target.name, median(runs));
  log(`start-up ${target.name}: ${median(runs).toFixed(0)} ms (median of 5)`);
}

rmSync(dataDir, { recursive: true, force: true });

// 4. Report.
/** A bot's figures at one concurrency: medians over the rounds. */
const figures = (row: Row, name: string) => {
  const all = row.rounds.get(name) ?? [];
  return { turnsPerSecond: median(all.map((x) => x.turnsPerSecond)), p50: median(all.map((x) => x.p50)), p95: median(all.map((x) => x.p95)), p99: median(all.map((x) => x.p99)), count: all.length };
};
/** Against the echo bot: the median over the rounds of each round's ratio. */
const ratio = (c: number, name: string) => {
  const row = rows.find((r) => r.c === c);
  const echoes = row?.rounds.get(echo.name) ?? [];
  const mine = row?.rounds.get(name) ?? [];
  const pairs = mine.flatMap((m, round) => {
    const e = echoes[round];
    return e === undefined ? [] : [{ tput: m.turnsPerSecond / e.turnsPerSecond, p99: m.p99 / e.p99 }];
  });
  return { tput: median(pairs.map((p) => p.tput)), p99: median(pairs.map((p) => p.p99)), each: pairs };
};
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
const clean = rows.every((r) => [...r.rounds].every(([name, all]) => all.every((x) => x.non2xx === 0 && x.errors === 0 && (name === echo.name || x.misses === 0))));
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const f = (n: number, d = 0) => n.toFixed(d);
const body = `
Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${f(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}; commit ${commit}. \`npm run bench\`: at each concurrency ${ROUNDS} rounds of ${SECONDS} s per bot, the bots taking turns within each round (after ${WARMUP} s warm-up before a bot's first round).

The bots run compiled with plain \`node\` on loopback, one at a time; the load generator (autocannon, one Node process) runs on the same 2-core machine. Every request is a Bot Framework activity with \`deliveryMode: "expectReplies"\`, so the replies come back in the HTTP response. Each connection is one user going through a new conversation per loop, ${SCRIPT.length} turns: the welcome, **Set up MFA**, the five walkthrough steps (pressing the buttons of the card it was just sent), "Yes, it worked", a free-text question (answered through the intent matcher), "menu", **Why MFA?**, "help". The echo bot (\`bench/echoBot.ts\`: CloudAdapter + restify, the SDK's standard request handling, no state) gets the same requests.

Each figure is the median over the rounds; the last column is the median over the rounds of the bot's figure divided by the echo bot's in the same round (the machine's speed drifts between rounds, so a ratio within one round is steadier than a ratio of medians), with each round's throughput ratio in brackets.

| concurrency | bot | turns/s | p50 ms | p95 ms | p99 ms | vs echo: turns/s, p99 |
| ---: | --- | ---: | ---: | ---: | ---: | ---: |
${rows.flatMap((r) => everyone.map((t) => {
  const x = figures(r, t.name);
  if (x.count === 0) return `| ${r.c} | ${t.name} | – | – | – | – | |`;
  const q = ratio(r.c, t.name);
  return `| ${r.c} | ${t.name} | ${f(x.turnsPerSecond)} | ${f(x.p50, 2)} | ${f(x.p95, 2)} | ${f(x.p99, 2)} | ${t === echo ? '' : `${f(q.tput, 2)}×, ${f(q.p99, 2)}× (${q.each.map((p) => f(p.tput, 2)).join(', ')})`} |`;
})).join('\n')}

Goals at concurrency 16 (issue 12: throughput at least 0.75× the echo bot's, p99 within 1.2×): ${MFA.map((t) => {
  const q = ratio(16, t.name);
  return `${t.name}: throughput ${f(q.tput, 2)}× ${verdict(q.tput >= 0.75)}, p99 ${f(q.p99, 2)}× ${verdict(q.p99 <= 1.2)}`;
}).join('; ')}.
${clean ? 'Every request got a 2xx, and every button the MFA Assistant was sent was on the card it had just sent.' : '**Some requests failed or the script lost its way: see the console output of the run.**'}

Resident memory (RSS of the bot process, ${CONVERSATIONS.toLocaleString('en-GB')} distinct conversations of 3 turns each — welcome, start the walkthrough, Next — so each has conversation and user state):

| store | RSS before | RSS after | RSS per conversation | heap kept per conversation (after GC) | state stored per conversation |
| --- | ---: | ---: | ---: | ---: | ---: |
${memory.map((m) => `| ${m.store} | ${f(m.before)} MB | ${f(m.after)} MB | ${f(((m.after - m.before) * 1024) / m.conversations, 2)} KB | ${f(m.heapPerConversation / 1024, 2)} KB | ${f(m.storedPerConversation)} bytes |`).join('\n')}

RSS is what the operating system sees; most of its growth is V8 letting the heap grow under load and keeping the pages, not data kept. The heap kept per conversation is measured in \`bench/heapProbe.ts\` (the same app with \`--expose-gc\`, the same ${CONVERSATIONS.toLocaleString('en-GB')} conversations, heap in use after a full GC before and after). With the memory store the heap holds the state itself (conversation and user, as JSON strings, whose size is the last column) plus the store's keys and the per-conversation rate-limit bucket; with SQLite the state is on disk (last column: growth of the files under DATA_DIR, WAL included) and the heap keeps only the rate-limit bucket and caches.

(RSS after the load runs above: ${MFA.map((t) => `${t.name} ${f(rssAfterLoad.get(t.name) ?? NaN)} MB`).join(', ')}.)

Start-up, spawn to the first 200 from \`GET /healthz\` (median of 5; the MFA Assistant opens its SQLite database and reads the intent matcher the build trained first): MFA Assistant ${f(startup.get(defaultBot.name) ?? NaN)} ms, echo bot ${f(startup.get(echo.name) ?? NaN)} ms.
`;
log(body);
if (process.env.BENCH_WRITE !== '0') {
  writeSection(join(ROOT, 'bench/RESULTS.md'), 'Load', body);
  log('wrote the "Load" section of bench/RESULTS.md');
}
