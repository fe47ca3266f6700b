import AC from 'adaptivecards/dist/adaptivecards.js';
import { describe, expect, it } from 'vitest';
import { parseAction } from '../src/cards/actions.js';
import { answerCard } from '../src/cards/answer.js';
import { catalogue } from '../src/cards/catalog.js';
import { menuCard, withContinue } from '../src/cards/menu.js';
import { INTENT_ANSWERS } from '../src/content/answers.js';
import { buttonsOf } from '../src/cards/choices.js';
import type { AdaptiveCard, Element } from '../src/cards/schema.js';
import { SOURCES } from '../src/content/sources.js';

const MAX_BYTES = 28 * 1024;

function parseEvents(card: AdaptiveCard): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) events.push(e.message);
  return events;
}

function walk(elements: readonly Element[], visit: (e: Element) => void): void {
  for (const e of elements) {
    visit(e);
    if (e.type === 'Container') walk(e.items, visit);
    if (e.type === 'ColumnSet') for (const c of e.columns) walk(c.items, visit);
  }
}

const CARDS = await catalogue();

describe.each(CARDS.map((c) => [c.name, c.card] as const))('card %s', (_name, card) => {
  it('parses with the Adaptive Cards SDK at version 1.5 with no events', () => {
    expect(parseEvents(card)).toEqual([]);
  });

  it('is schema 1.5, under 28 KB, has fallbackText, wraps text and uses no Table or Media', () => {
    expect(card.version).toBe('1.5');
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MAX_BYTES);
    expect(card.fallbackText.length).toBeGreaterThan(10);
    const raw = JSON.stringify(card);
    expect(raw).not.toMatch(/"type":"(Table|Media)"/);
    walk(card.body, (e) => {
      if (e.type === 'TextBlock') expect(e.wrap).toBe(true);
      if (e.type === 'Image') expect(e.altText.length).toBeGreaterThan(0);
    });
  });

  it('has at most five buttons in any row (Teams shows no more)', () => {
    const rows: number[] = [(card.actions ?? []).length];
    walk(card.body, (e) => {
      if (e.type === 'ActionSet') rows.push(e.actions.length);
    });
    for (const row of rows) expect(row).toBeLessThanOrEqual(5);
  });

  it('every button carries typed data naming its action', () => {
    for (const b of buttonsOf(card)) {
      if (b.kind === 'submit') expect(parseAction(b.data), b.title).toBeDefined();
    }
  });

  it('links only to addresses from the sources list', () => {
    const known = new Set<string>(Object.values(SOURCES).map((s) => s.url).filter((u) => u !== ''));
    for (const [, url] of JSON.stringify(card).matchAll(/\]\((https?:[^)]+)\)/g)) expect(known.has(url ?? '')).toBe(true);
  });
});

it('every card but the menu names its source', () => {
  for (const { name, card } of CARDS) {
    // Reminder cards state no fact: only the bot's own words (when, Continue, Not now).
    if (name.startsWith('reminder')) continue;
    if (name.startsWith('menu') || name.startsWith('methods-question') || name.startsWith('trouble-pick') || name.startsWith('feedback-form-')) continue;
    expect(JSON.stringify(card.body), name).toContain('Source: ');
  }
});

describe('a kept walkthrough place: every card offers Continue', () => {
  const place = { step: 3, total: 5 };
  const continueTitle = 'Continue set-up (step 3 of 5)';

  it('adds one "Continue set-up" that opens the walkthrough to a card without one', () => {
    const answer = answerCard('about.what', INTENT_ANSWERS['about.what']);
    expect(buttonsOf(answer).map((b) => b.title)).not.toContain(continueTitle);
    const shown = withContinue(answer, place);
    const added = buttonsOf(shown).filter((b) => b.title === continueTitle);
    expect(added).toHaveLength(1);
    const data = added[0]?.kind === 'submit' ? parseAction(added[0].data) : undefined;
    expect(data).toEqual({ action: 'open', conversation: 'enrol' });
    // Adding it again changes nothing, and the original card is not touched.
    expect(withContinue(shown, place)).toEqual(shown);
    expect(buttonsOf(answer).map((b) => b.title)).not.toContain(continueTitle);
  });

  it('leaves a card that already opens the walkthrough (the menu) as it is', () => {
    const menu = menuCard({ resume: place });
    expect(withContinue(menu, place)).toEqual(menu);
  });
});
