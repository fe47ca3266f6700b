import { generateSync } from 'otplib';
import { afterAll, describe, expect, it } from 'vitest';
import { SETUP_KEY_ID } from '../../src/cards/practice.js';
import type { AdaptiveCard, Element } from '../../src/cards/schema.js';
import { cardToText } from '../../src/cards/toText.js';
import { makeHarness, type Harness } from '../support/feedbackHarness.js';
import { TestChat, type Reply } from '../support/chat.js';
import { makeTempDir } from '../support/tempDir.js';
import { JOURNEYS, type Journey, type JourneyTurn } from './journeys.js';

/** A fixed moment 7 s into a 30-second time step (no dependence on today's date). */
const T0 = Date.UTC(2030, 0, 6, 9, 30, 7);
const MINUTE = 60_000;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

function walk(elements: readonly Element[]): Element[] {
  return elements.flatMap((e) => [e, ...(e.type === 'Container' ? walk(e.items) : e.type === 'ColumnSet' ? e.columns.flatMap((c) => walk(c.items)) : [])]);
}

/** Titles of the card's "open in place" buttons (Action.ShowCard), which cardToText prints the insides of. */
function showCardTitles(card: AdaptiveCard): string[] {
  const inBody = walk(card.body).flatMap((e) => (e.type === 'ActionSet' ? e.actions : []));
  return [...inBody, ...(card.actions ?? [])].flatMap((a) => (a.type === 'Action.ShowCard' ? [a.title] : []));
}

/** What the user reads: a text message, or a card as plain text (what "More" opens included) with its buttons. */
function readable(reply: Reply): string {
  if (reply.text !== undefined) return reply.text;
  if (reply.card === undefined) return '';
  return [cardToText(reply.card).text, ...showCardTitles(reply.card).map((t) => `  [${t}]`)].join('\n');
}

function feedbackService(): Harness['service'] {
  const temp = makeTempDir('journeys-feedback');
  const harness = makeHarness({ dataDir: temp.dir, clock: { now: () => T0 } });
  cleanups.push(temp.remove, () => harness.close());
  return harness.service;
}

/** The practice entry's key once a card has shown it: a person's app keeps the entry. */
function keyOnCard(card: AdaptiveCard): string | undefined {
  const key = walk(card.body).find((e) => e.type === 'TextBlock' && e.id === SETUP_KEY_ID);
  return key?.type === 'TextBlock' ? key.text.replace(/\s+/g, '') : undefined;
}

async function take(chat: TestChat, turn: JourneyTurn, now: number, entry: string | undefined): Promise<Reply[]> {
  if (typeof turn === 'string') return chat.say(turn);
  if ('press' in turn) return chat.press(turn.press);
  if (entry === undefined) throw new Error('a code turn before the practice entry was shown');
  const phoneMs = now + turn.code * MINUTE;
  return chat.say(generateSync({ secret: entry, epoch: Math.floor(phoneMs / 1000), algorithm: 'sha1', digits: 6, period: 30 }));
}

/** Plays the journey; returns what the user read at each turn (each turn's messages in order). */
async function play(journey: Journey): Promise<string[][]> {
  let now = T0;
  const chat = TestChat.start({
    clock: () => now,
    ...(journey.feedback === true ? { feedback: feedbackService() } : {}),
    ...(journey.where === 'group chat' ? { conversationType: 'groupChat' } : {}),
  });
  const seen: string[][] = [];
  let entry: string | undefined;
  for (const turn of journey.turns) {
    const replies = await take(chat, turn, now, entry);
    for (const r of replies) entry = (r.card === undefined ? undefined : keyOnCard(r.card)) ?? entry;
    seen.push(replies.map(readable));
    now += 20_000; // a person reads and types between turns
  }
  return seen;
}

describe('journeys: what people type, and by which turn the answer is there', () => {
  it('has at least 30 journeys from the four personas, each able to fail', () => {
    expect(JOURNEYS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(JOURNEYS.map((j) => j.persona)).size).toBe(4);
    expect(new Set(JOURNEYS.map((j) => j.name)).size).toBe(JOURNEYS.length);
    for (const j of JOURNEYS) {
      expect(j.expect.length, j.name).toBeGreaterThan(0);
      for (const e of j.expect) expect(e.by, j.name).toBeLessThanOrEqual(j.turns.length);
    }
  });

  it.each(JOURNEYS.map((j) => [`${j.persona}: ${j.name}`, j] as const))('%s', async (_name, journey) => {
    const seen = await play(journey);
    const transcript = seen.map((messages, i) => `--- turn ${i + 1}: ${JSON.stringify(journey.turns[i])}\n${messages.join('\n~~\n')}`).join('\n');
    for (const e of journey.expect) {
      for (const wanted of e.says) {
        const turn = seen.findIndex((messages) => (e.first === true ? (messages[0] ?? '') : messages.join('\n')).includes(wanted));
        expect(turn >= 0 && turn < e.by, `"${wanted}" ${e.first === true ? 'as the first message ' : ''}by turn ${e.by}\n${transcript}`).toBe(true);
      }
    }
    for (const unwanted of journey.never) {
      expect(transcript.split('\n').filter((l) => !l.startsWith('--- turn')).join('\n'), `never "${unwanted}"`).not.toContain(unwanted);
    }
  });
});
