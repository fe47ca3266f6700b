/**
 * npm run bench — load, memory and start-up of the real server on loopback, side by side with a
 * bare echo bot on the same stack. Writes the "Load" section of bench/RESULTS.md.
 *
 *   BENCH_SECONDS (default 10)         measured seconds per concurrency level and bot
 *   BENCH_WARMUP (default 2)           warm-up seconds before each measurement (not recorded)
 *   BENCH_CONVERSATIONS (default 10000) distinct conversations for the memory measurement
 *   BENCH_WRITE=0                       print only, leave RESULTS.md alone
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { fill, load, type LoadResult } from './lib/load.js';
import { start, startProbe, startupMs, type Target } from './lib/processes.js';
import { writeSection } from './lib/results.js';
import { SCRIPT } from './lib/conversation.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
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

const mfa: Target = { name: 'MFA Assistant (memory store)', entry: join(ROOT, 'dist/index.js'), env: { STORAGE: 'memory', LOG_LEVEL: 'info' } };
const echo: Target = { name: 'echo bot', entry: join(ROOT, 'bench/.out/echoBot.js'), env: {} };

/** Stores to measure memory with. The embedded SQLite store (issue 4) adds itself here, e.g. { name: 'sqlite', env: { STORAGE: 'sqlite', DATA_DIR: dir } }. */
const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'));
const STORES: readonly { name: string; env: Record<string, string> }[] = [{ name: 'memory', env: { STORAGE: 'memory' } }];

// 1. Load: the conversation mix at each concurrency, echo and MFA Assistant alternately.
const rows: { c: number; echo: LoadResult; mfa: LoadResult }[] = [];
const [echoRun, mfaRun] = await Promise.all([start(echo), start(mfa)]);
for (const c of CONCURRENCY) {
  const results = new Map<string, LoadResult>();
  for (const [target, running] of c === 16 ? ([[mfa, mfaRun], [echo, echoRun]] as const) : ([[echo, echoRun], [mfa, mfaRun]] as const)) {
    if (WARMUP > 0) await load(running.url, c, WARMUP, `warm-${c}`);
    const r = await load(running.url, c, SECONDS, `c${c}`);
    results.set(target.name, r);
    log(`${target.name.padEnd(30)} c=${String(c).padEnd(3)} ${r.turnsPerSecond.toFixed(0).padStart(6)} turns/s  p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  non-2xx ${r.non2xx}  errors ${r.errors}  misses ${r.misses}`);
  }
  const e = results.get(echo.name);
  const m = results.get(mfa.name);
  if (e !== undefined && m !== undefined) rows.push({ c, echo: e, mfa: m });
}
const mfaRssAfterLoad = mfaRun.rssMb();
await Promise.all([echoRun.stop(), mfaRun.stop()]);

// 2. Resident memory after CONVERSATIONS distinct conversations (3 turns each: welcome, start the walkthrough, Next).
const memory: { store: string; before: number; after: number; conversations: number; problems: number; heapPerConversation: number; storedPerConversation: number }[] = [];
for (const store of STORES) {
  // What the conversations really keep: heap after a full GC, in a probe process running the same app.
  const probe = await startProbe(ROOT, { ...mfa.env, ...store.env });
  await fill(probe.url, 50, 3, 4, `probe-warm-${store.name}`);
  const h0 = await probe.measure();
  const probed = await fill(probe.url, CONVERSATIONS, 3, 16, `probe-${store.name}`);
  const h1 = await probe.measure();
  await probe.stop();
  const heapPerConversation = (h1.heapUsed - h0.heapUsed) / probed.conversations;
  const storedPerConversation = (h1.storedBytes - h0.storedBytes) / probed.conversations;

  const running = await start({ ...mfa, name: `MFA Assistant (${store.name})`, env: { ...mfa.env, ...store.env } });
  await fill(running.url, 50, 3, 4, `mem-warm-${store.name}`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const before = running.rssMb();
  const filled = await fill(running.url, CONVERSATIONS, 3, 16, `mem-${store.name}`);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const after = running.rssMb();
  await running.stop();
  memory.push({ store: store.name, before, after, conversations: filled.conversations, problems: filled.non2xx + filled.misses, heapPerConversation, storedPerConversation });
  log(`memory (${store.name}): RSS ${before.toFixed(0)} MB → ${after.toFixed(0)} MB after ${filled.conversations} conversations (${(((after - before) * 1024) / filled.conversations).toFixed(2)} KB each); heap kept after GC ${(heapPerConversation / 1024).toFixed(2)} KB each, state stored ${storedPerConversation.toFixed(0)} bytes each; problems ${filled.non2xx + filled.misses}`);
}
rmSync(dataDir, { recursive: true, force: true });

// 3. Start-up: spawn to the first 200 from /healthz, median of 5.
const startup = new Map<string, number>();
for (const target of [mfa, echo]) {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push(await startupMs(target, await freePort()));
  startup.set(target.name, median(runs));
  log(`start-up ${target.name}: ${median(runs).toFixed(0)} ms (median of 5)`);
}

// 4. Report.
const c16 = rows.find((r) => r.c === 16);
const p99Ratio = c16 === undefined ? NaN : c16.mfa.p99 / c16.echo.p99;
const tputRatio = c16 === undefined ? NaN : c16.mfa.turnsPerSecond / c16.echo.turnsPerSecond;
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
const clean = rows.every((r) => r.mfa.non2xx === 0 && r.mfa.errors === 0 && r.mfa.misses === 0 && r.echo.non2xx === 0 && r.echo.errors === 0);
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const f = (n: number, d = 0) => n.toFixed(d);
const body = `
Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${f(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}; commit ${commit}. \`npm run bench\` (${SECONDS} s per row after ${WARMUP} s warm-up).

Both bots run compiled with plain \`node\` on loopback; the load generator (autocannon, one Node process) runs on the same 2-core machine. Every request is a Bot Framework activity with \`deliveryMode: "expectReplies"\`, so the replies come back in the HTTP response. Each connection is one user going through a new conversation per loop, ${SCRIPT.length} turns: the welcome, **Set up MFA**, the five walkthrough steps (pressing the buttons of the card it was just sent), "Yes, it worked", a free-text question, "help", **Why MFA?**, "menu". The echo bot (\`bench/echoBot.ts\`: CloudAdapter + restify, the SDK's standard request handling, no state) gets the same requests.

| concurrency | bot | turns/s | p50 ms | p95 ms | p99 ms |
| ---: | --- | ---: | ---: | ---: | ---: |
${rows.flatMap((r) => [
  `| ${r.c} | echo | ${f(r.echo.turnsPerSecond)} | ${f(r.echo.p50, 2)} | ${f(r.echo.p95, 2)} | ${f(r.echo.p99, 2)} |`,
  `| ${r.c} | MFA Assistant | ${f(r.mfa.turnsPerSecond)} | ${f(r.mfa.p50, 2)} | ${f(r.mfa.p95, 2)} | ${f(r.mfa.p99, 2)} |`,
  `| ${r.c} | ratio | ${f(r.mfa.turnsPerSecond / r.echo.turnsPerSecond, 2)}× | ${f(r.mfa.p50 / r.echo.p50, 2)}× | ${f(r.mfa.p95 / r.echo.p95, 2)}× | ${f(r.mfa.p99 / r.echo.p99, 2)}× |`,
]).join('\n')}

Goals at concurrency 16: p99 within 1.5× the echo bot's — ${f(p99Ratio, 2)}×, ${verdict(p99Ratio <= 1.5)}; throughput at least 0.6× — ${f(tputRatio, 2)}×, ${verdict(tputRatio >= 0.6)}.
${clean ? 'Every request got a 2xx, and every button pressed was on the card the bot had just sent.' : '**Some requests failed or the script lost its way: see the console output of the run.**'}

Resident memory (RSS of the bot process, ${CONVERSATIONS.toLocaleString('en-GB')} distinct conversations of 3 turns each — welcome, start the walkthrough, Next — so each has conversation and user state):

| store | RSS before | RSS after | RSS per conversation | heap kept per conversation (after GC) | state stored per conversation |
| --- | ---: | ---: | ---: | ---: | ---: |
${memory.map((m) => `| ${m.store} | ${f(m.before)} MB | ${f(m.after)} MB | ${f(((m.after - m.before) * 1024) / m.conversations, 2)} KB | ${f(m.heapPerConversation / 1024, 2)} KB | ${m.storedPerConversation > 0 ? `${f(m.storedPerConversation)} bytes` : 'n/a'} |`).join('\n')}

RSS is what the operating system sees; most of its growth is V8 letting the heap grow under load and keeping the pages, not data kept. The heap kept per conversation is measured in \`bench/heapProbe.ts\` (the same app with \`--expose-gc\`, the same ${CONVERSATIONS.toLocaleString('en-GB')} conversations, heap in use after a full GC before and after): the stored state (conversation and user, as JSON strings in the memory store) plus the store's keys and the per-conversation rate-limit bucket.

(RSS of the MFA Assistant after the load runs above, with ~${rows.reduce((n, r) => n + r.mfa.conversations, 0).toLocaleString('en-GB')} more conversations in memory: ${f(mfaRssAfterLoad)} MB.)

Start-up, spawn to the first 200 from \`GET /healthz\` (median of 5): MFA Assistant ${f(startup.get(mfa.name) ?? NaN)} ms, echo bot ${f(startup.get(echo.name) ?? NaN)} ms.
`;
log(body);
if (process.env.BENCH_WRITE !== '0') {
  writeSection(join(ROOT, 'bench/RESULTS.md'), 'Load', body);
  log('wrote the "Load" section of bench/RESULTS.md');
}
