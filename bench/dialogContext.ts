/**
 * Does MfaBot's one SDK internal pay? botbuilder-dialogs builds its memory scopes and path
 * resolvers on every `DialogSet.createContext` unless the turn state already holds them under the
 * `DialogStateManagerConfiguration` key. This measures a whole turn of the real bot (createBot on
 * a TestAdapter: a walkthrough press) and the dialog context alone, with and without the key set.
 * Run: `npx tsx bench/dialogContext.ts`. Results: bench/RESULTS.md.
 */
import { MemoryStorage, TestAdapter, TurnContext, ConversationState } from 'botbuilder';
import { ComponentDialog, DialogSet, type DialogState } from 'botbuilder-dialogs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBot } from '../src/bot/createBot.js';
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

async function turnCost(): Promise<number> {
  const { bot } = createBot({ storage: new MemoryStorage(), logger: silent, matcher: createMatcher() });
  const adapter = new TestAdapter((context) => bot.run(context));
  async function turn(conversation: string, activity: object): Promise<AdaptiveCard | undefined> {
    await adapter.processActivity({ channelId: 'emulator', conversation: { id: conversation, isGroup: false, name: '', conversationType: 'personal' }, from: { id: `u-${conversation}`, name: '' }, ...activity });
    let card: AdaptiveCard | undefined;
    for (let reply = adapter.getNextReply(); reply !== undefined; reply = adapter.getNextReply()) {
      const content: unknown = reply.attachments?.[0]?.content;
      if (isAdaptiveCard(content)) card = content;
    }
    return card;
  }
  const press = (card: AdaptiveCard | undefined, title: string) => {
    const button = card === undefined ? undefined : buttonsOf(card).find((b) => b.title === title);
    return { type: 'message', value: button?.kind === 'submit' ? button.data : {} };
  };
  const runs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const start = performance.now();
    for (let i = 0; i < 200; i++) {
      const id = `c${r}-${i}`;
      let card = await turn(id, { type: 'message', text: 'menu' });
      card = await turn(id, press(card, 'Set up MFA'));
      for (let s = 0; s < 5; s++) card = await turn(id, press(card, 'Next'));
      await turn(id, { type: 'message', text: 'help' });
    }
    runs.push(((performance.now() - start) * 1000) / (200 * 8));
  }
  return median(runs.slice(2));
}

const without = await contextCost(false);
const withCache = await contextCost(true);
const turn = await turnCost();
const saved = without - withCache;
const body = [
  `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}. \`npx tsx bench/dialogContext.ts\` (median of 5 runs after 2 warm-up runs).`,
  '',
  'MfaBot keeps one SDK internal: the `DialogStateManagerConfiguration` it hands to every turn, which botbuilder-dialogs would otherwise build afresh on every turn.',
  '',
  '| | µs |',
  '| --- | ---: |',
  `| dialog context, configuration built on the turn | ${without.toFixed(1)} |`,
  `| dialog context, configuration kept from the first turn | ${withCache.toFixed(1)} |`,
  `| a whole turn of the bot (createBot on a TestAdapter, memory storage, configuration kept) | ${turn.toFixed(1)} |`,
  '',
  `Keeping it saves ${saved.toFixed(1)} µs a turn, ${((saved / (turn + saved)) * 100).toFixed(0)}% of a turn's CPU in-process: kept, with this measurement named beside it in src/bot/mfaBot.ts. The adapter's \`processActivity\` path (src/bot/adapter.ts) is the SDK's public API and needs no such case.`,
].join('\n');
console.log(body);
if (process.env.BENCH_WRITE !== '0') writeSection(join(fileURLToPath(new URL('..', import.meta.url)), 'bench/RESULTS.md'), 'Dialog context', body);
