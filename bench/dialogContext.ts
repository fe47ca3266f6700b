/**
 * Does MfaBot's one SDK internal pay? botbuilder-dialogs builds its memory scopes and path
 * resolvers on every `DialogSet.createContext` unless the turn state already holds them under the
 * `DialogStateManagerConfiguration` key. This measures a whole turn of the real bot (createBot on
 * a TestAdapter: a walkthrough press) and the dialog context alone, with and without the key set.
 * Run: `npx tsx bench/dialogContext.ts`. Results: bench/RESULTS.md.
 */
import { MemoryStorage, TestAdapter, TurnContext, ConversationState, type Storage } from 'botbuilder';
import { ComponentDialog, DialogSet, type DialogState } from 'botbuilder-dialogs';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBot } from '../src/bot/createBot.js';
import { GuardedStorage } from '../src/bot/guardedStorage.js';
import { OptimisticStorage } from '../src/bot/optimisticStorage.js';
import { createLogger } from '../src/log.js';
import { openDatabase, SqliteStorage } from '../src/storage/index.js';
import { buttonsOf } from '../src/cards/choices.js';
import { isAdaptiveCard } from '../src/cards/guards.js';
import type { AdaptiveCard } from '../src/cards/schema.js';
import { createMatcher } from '../src/nlu/matcher.js';
import { writeSection } from './lib/results.js';

const KEY = 'DialogStateManagerConfiguration';
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function contextCost(cached: boolean): Promise<number> {
  const state = new ConversationState(new MemoryStorage());
  const accessor = state.createProperty<DialogState>('dialogState');
  const adapter = new TestAdapter(async () => undefined);
  let configuration: unknown;
  const runs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const start = performance.now();
    for (let i = 0; i < 2000; i++) {
      const context = new TurnContext(adapter, { type: 'message', text: 'hi', channelId: 'test', conversation: { id: 'c', isGroup: false, name: '', conversationType: 'personal' }, from: { id: 'u', name: '' }, recipient: { id: 'b', name: '' } });
      if (cached && configuration !== undefined) context.turnState.set(KEY, configuration);
      const dialogs = new DialogSet(accessor);
      dialogs.add(new ComponentDialog('root'));
      await dialogs.createContext(context);
      configuration ??= context.turnState.get(KEY);
    }
    runs.push(((performance.now() - start) * 1000) / 2000);
  }
  return median(runs.slice(2));
}

/** The load benchmark's 12 turns (bench/lib/conversation.ts), in-process: createBot on a TestAdapter. */
async function scriptTurns(storage: Storage): Promise<{ wall: number; cpu: number; cpuMin: number }> {
  const { bot } = createBot({ storage, logger: silent, matcher: createMatcher() });
  const adapter = new TestAdapter((context) => bot.run(context));
  async function turn(conversation: string, activity: object): Promise<AdaptiveCard | undefined> {
    await adapter.processActivity({ channelId: 'emulator', conversation: { id: conversation, isGroup: false, name: '', conversationType: 'personal' }, from: { id: `u-${conversation}`, name: '' }, recipient: { id: 'bot', name: '' }, ...activity });
    let card: AdaptiveCard | undefined;
    for (let reply = adapter.getNextReply(); reply !== undefined; reply = adapter.getNextReply()) {
      const content: unknown = reply.attachments?.[0]?.content;
      if (isAdaptiveCard(content)) card = content;
    }
    return card;
  }
  const press = (card: AdaptiveCard | undefined, title: string) => {
    const button = card === undefined ? undefined : buttonsOf(card).find((b) => b.title === title);
    if (button?.kind !== 'submit') throw new Error(`no button "${title}" on the card just sent`);
    return { type: 'message', value: button.data };
  };
  const PER_RUN = 150;
  const TURNS = 12;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < 9; r++) {
    const start = performance.now();
    const used = process.cpuUsage();
    for (let i = 0; i < PER_RUN; i++) {
      const id = `c${r}-${i}`;
      let card = await turn(id, { type: 'conversationUpdate', membersAdded: [{ id: `u-${id}` }, { id: 'bot' }] });
      card = await turn(id, press(card, 'Set up MFA'));
      for (let s = 0; s < 5; s++) card = await turn(id, press(card, 'Next'));
      await turn(id, press(card, 'Yes, it worked'));
      await turn(id, { type: 'message', text: 'my authenticator code keeps getting rejected' });
      card = await turn(id, { type: 'message', text: 'menu' });
      await turn(id, press(card, 'Why MFA?'));
      await turn(id, { type: 'message', text: 'help' });
    }
    const spent = process.cpuUsage(used);
    wall.push(((performance.now() - start) * 1000) / (PER_RUN * TURNS));
    cpu.push((spent.user + spent.system) / (PER_RUN * TURNS));
  }
  return { wall: median(wall.slice(2)), cpu: median(cpu.slice(2)), cpuMin: Math.min(...cpu.slice(2)) };
}

/** The app's storage stack (src/bot/app.ts): ETag-checked and guarded, over memory or SQLite. */
function appStorage(inner: Storage): Storage {
  return new GuardedStorage({ storage: new OptimisticStorage(inner), logger: createLogger('silent') });
}

if (process.env.BENCH_QUICK === '1' || process.env.BENCH_QUICK === 'sqlite') {
  // Only the turns over one store (memory, or BENCH_QUICK=sqlite), printed: for profiling and quick before/after comparisons.
  const sqliteDir = process.env.BENCH_QUICK === 'sqlite' ? mkdtempSync(join(tmpdir(), 'bench-dc-')) : undefined;
  const quick = await scriptTurns(appStorage(sqliteDir === undefined ? new MemoryStorage() : new SqliteStorage(openDatabase({ dataDir: sqliteDir, synchronous: 'NORMAL' }))));
  if (sqliteDir !== undefined) rmSync(sqliteDir, { recursive: true, force: true });
  console.log(`turn (${sqliteDir === undefined ? 'memory' : 'SQLite'}): wall ${quick.wall.toFixed(1)} µs, CPU ${quick.cpu.toFixed(1)} µs (lowest run ${quick.cpuMin.toFixed(1)} µs)`);
  process.exit(0);
}

const without = await contextCost(false);
const withCache = await contextCost(true);
const dataDir = mkdtempSync(join(tmpdir(), 'bench-dc-'));
const memory = await scriptTurns(appStorage(new MemoryStorage()));
const sqlite = await scriptTurns(appStorage(new SqliteStorage(openDatabase({ dataDir, synchronous: 'NORMAL' }))));
rmSync(dataDir, { recursive: true, force: true });
const saved = without - withCache;
const body = [
  `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}. \`npx tsx bench/dialogContext.ts\` (median of 7 runs after 2 warm-up runs; CPU time is the process's user + system time, steadier than wall-clock time on a shared machine).`,
  '',
  '| | wall µs | CPU µs |',
  '| --- | ---: | ---: |',
  `| dialog context, configuration built on the turn | ${without.toFixed(1)} | |`,
  `| dialog context, configuration kept from the first turn | ${withCache.toFixed(1)} | |`,
  `| a turn of the load benchmark's 12-turn conversation (createBot on a TestAdapter, the app's storage stack over memory) | ${memory.wall.toFixed(1)} | ${memory.cpu.toFixed(1)} |`,
  `| the same over SQLite (synchronous=NORMAL, as the app) | ${sqlite.wall.toFixed(1)} | ${sqlite.cpu.toFixed(1)} |`,
  '',
  `Keeping the configuration saves ${saved.toFixed(1)} µs a turn.`,
].join('\n');
console.log(body);
if (process.env.BENCH_WRITE !== '0') writeSection(join(fileURLToPath(new URL('..', import.meta.url)), 'bench/RESULTS.md'), 'Dialog context', body);
