import { describe, expect, it } from 'vitest';
import { answerForTab, answerCard } from '../src/cards/answer.js';
import { menuData } from '../src/cards/actions.js';
import { submit } from '../src/cards/elements.js';
import { forTab } from '../src/cards/guide.js';
import type { Action, AdaptiveCard, Element } from '../src/cards/schema.js';
import { INTENT_ANSWERS } from '../src/content/answers.js';
import type { Matcher, MatchResult } from '../src/nlu/types.js';

/** What the tab's search box gets back for a question the matcher answers with `result`. */
function tabAnswer(result: MatchResult): AdaptiveCard {
  const matcher: Matcher = { match: () => result };
  return answerForTab(matcher, 'a question');
}

/** Every button in a card, including those inside what a "show" button opens. */
function allActions(elements: readonly Element[], actions: readonly Action[] = []): Action[] {
  const found: Action[] = [];
  const visitAction = (a: Action): void => {
    found.push(a);
    if (a.type === 'Action.ShowCard') found.push(...allActions(a.card.body));
  };
  actions.forEach(visitAction);
  for (const e of elements) {
    if (e.type === 'ActionSet') e.actions.forEach(visitAction);
    if (e.type === 'Container') found.push(...allActions(e.items));
    if (e.type === 'ColumnSet') for (const c of e.columns) found.push(...allActions(c.items));
  }
  return found;
}

function textOf(elements: readonly Element[]): string {
  return JSON.stringify(elements);
}

const nearMiss: MatchResult = {
  intent: 'none',
  confidence: 0.7,
  ambiguous: false,
  candidates: [{ intent: 'travel.abroad', confidence: 0.3 }, { intent: 'methods.backup', confidence: 0.1 }],
  suggestions: ['travel.abroad', 'methods.backup'],
};

describe("the tab's search box", () => {
  it('a near miss offers the closest topics, each opening its answer in place', () => {
    const card = tabAnswer(nearMiss);
    expect(textOf(card.body)).toContain('Not sure I understood');
    const topics = allActions(card.body).filter((a) => a.type === 'Action.ShowCard' && a.title !== 'More');
    expect(topics.map((a) => a.title)).toEqual([INTENT_ANSWERS['travel.abroad'].title, INTENT_ANSWERS['methods.backup'].title]);
    for (const [topic, intent] of [[topics[0], 'travel.abroad'], [topics[1], 'methods.backup']] as const) {
      if (topic?.type !== 'Action.ShowCard') throw new Error('expected a show button');
      const opened = textOf(topic.card.body);
      expect(opened).toContain(JSON.stringify(INTENT_ANSWERS[intent].paragraphs[0]).slice(1, 40));
      expect(opened).toContain('Source');
    }
  });

  it('never shows a button that only works in the chat, even inside an opened topic', () => {
    for (const card of [tabAnswer(nearMiss), tabAnswer({ ...nearMiss, suggestions: [] })]) {
      const chatOnly = allActions(card.body, card.actions).filter((a) => a.type === 'Action.Execute' && a.data.action !== 'open');
      expect(chatOnly).toEqual([]);
    }
  });

  it('with nothing close, says honestly that it does not know', () => {
    const card = tabAnswer({ ...nearMiss, candidates: [], suggestions: [] });
    expect(textOf(card.body)).toContain("I'm not sure about that");
    expect(allActions(card.body).some((a) => a.type === 'Action.ShowCard' && a.title !== 'More')).toBe(false);
  });

  it('a clear answer is the answer card, as in the chat but without chat-only buttons', () => {
    const card = tabAnswer({ intent: 'enrol.how', confidence: 0.95, ambiguous: false, candidates: [{ intent: 'enrol.how', confidence: 0.95 }], suggestions: [] });
    expect(card).toEqual(forTab(answerCard('enrol.how')));
  });
});

describe('forTab', () => {
  it('takes chat-only buttons out of what a "show" button opens, and keeps the rest', () => {
    const inner: Element[] = [
      { type: 'TextBlock', text: 'Details', wrap: true },
      { type: 'ActionSet', actions: [submit('Back to menu', menuData()), { type: 'Action.OpenUrl', title: 'Read more', url: 'https://example.invalid/' }] },
    ];
    const chat: AdaptiveCard = {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      fallbackText: 'x',
      body: [{ type: 'ActionSet', actions: [{ type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body: inner } }] }],
    };
    const titles = allActions(forTab(chat).body).map((a) => a.title);
    expect(titles).toEqual(['More', 'Read more']);
  });
});
