import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDigest, parseDigest, renderDigestText } from '../../src/feedback/digest.js';
import { DigestScheduler } from '../../src/feedback/digestScheduler.js';
import type { FeedbackCategory, FeedbackItem, FeedbackRating } from '../../src/feedback/model.js';
import { makeHarness, type Harness } from '../support/feedbackHarness.js';
import { makeTempDir } from '../support/tempDir.js';

const DAY = 86_400_000;
const START = Date.UTC(2030, 2, 1);

let counter = 0;
function item(category: FeedbackCategory, rating: FeedbackRating | null, text: string): FeedbackItem {
  counter += 1;
  return {
    id: `fb_${counter}`,
    reference: `FB-${String(counter).padStart(4, 'A').replace(/\d/g, (d) => 'ABCDEFGHJK'[Number(d)] ?? 'A')}`,
    createdAt: new Date(START + counter * 60_000).toISOString(),
    category,
    rating,
    text,
    removed: [],
    role: null,
    contact: null,
    channel: 'msteams',
    userHash: `user${counter}`,
  };
}

const items: FeedbackItem[] = [
  item('authenticator app', 2, 'The authenticator code was refused until I fixed the phone clock.'),
  item('authenticator app', 3, 'Codes refused again; the clock on my phone was five minutes fast.'),
  item('authenticator app', null, 'Wrong clock on the phone meant codes were refused, very confusing.'),
  item('text or call', 1, 'Text messages arrive late in the dispensary where signal is poor.'),
  item('text or call', 2, 'The text message took ages because signal in the shop is weak.'),
  item('enrolment', 5, 'Enrolment through the portal was quick and clear.'),
  item('this bot', 4, 'Helpful bot.'),
];

describe('buildDigest', () => {
  const digest = buildDigest(items, [{ text: 'Can I use my smartwatch?', count: 3 }], { id: 'dg_test', from: START, to: START + 7 * DAY });

  it('counts by category and averages ratings', () => {
    expect(digest.total).toBe(7);
    expect(digest.byCategory).toEqual([
      { category: 'authenticator app', count: 3, averageRating: 2.5 },
      { category: 'text or call', count: 2, averageRating: 1.5 },
      { category: 'enrolment', count: 1, averageRating: 5 },
      { category: 'this bot', count: 1, averageRating: 4 },
    ]);
    expect(digest.averageRating).toBe(2.8);
    expect(digest.ratedCount).toBe(6);
    expect(digest.ratings).toEqual({ '1': 1, '2': 2, '3': 1, '4': 1, '5': 1 });
  });

  it('finds recurring themes across texts (stemmed: "codes" and "code" are one)', () => {
    const terms = digest.themes.map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['clock', 'refused', 'phone', 'signal']));
    expect(terms.some((t) => t.startsWith('code'))).toBe(true);
    expect(terms).not.toContain('the');
    expect(terms).not.toContain('portal'); // said once only: not recurring
    expect(digest.themes.find((t) => t.term === 'clock')?.items).toBe(3);
  });

  it('quotes a few representative texts from different categories first', () => {
    expect(digest.quotes.length).toBe(3);
    const categories = digest.quotes.map((q) => q.category);
    expect(new Set(categories).size).toBe(3);
    expect(categories).toContain('authenticator app');
    expect(categories).toContain('text or call');
    expect(digest.quotes.map((q) => q.text)).not.toContain('Helpful bot.'); // too short to say much
  });

  it('lists unanswered questions and the period', () => {
    expect(digest.unanswered).toEqual([{ text: 'Can I use my smartwatch?', count: 3 }]);
    expect(digest.period).toEqual({ from: '2030-03-01T00:00:00.000Z', to: '2030-03-08T00:00:00.000Z' });
  });

  it('renders as text', () => {
    const text = renderDigestText(digest);
    expect(text).toContain('MFA feedback digest, 2030-03-01 00:00 UTC to 2030-03-08 00:00 UTC');
    expect(text).toContain('7 items of feedback.');
    expect(text).toContain('Average rating 2.8 out of 5 (6 rated; 5★ 1, 4★ 1, 3★ 1, 2★ 2, 1★ 1).');
    expect(text).toContain('  authenticator app: 3 (average 2.5)');
    expect(text).toContain('  clock (3 items)');
    expect(text).toContain('  3× Can I use my smartwatch?');
  });

  it('survives a round trip through JSON', () => {
    expect(parseDigest(JSON.parse(JSON.stringify(digest)))).toEqual(digest);
  });

  it('says so when there was nothing', () => {
    const empty = buildDigest([], [], { id: 'dg_empty', from: START, to: START + DAY });
    expect(empty).toMatchObject({ total: 0, averageRating: null, byCategory: [], themes: [], quotes: [] });
    expect(renderDigestText(empty)).toContain('No feedback in this period.');
  });

  it('cuts long quotes at a word with an ellipsis', () => {
    const long = buildDigest([item('other', null, `${'word '.repeat(200)}end`)], [], { id: 'dg_long', from: START, to: START + DAY });
    const quote = long.quotes[0]?.text ?? '';
    expect(quote.length).toBeLessThanOrEqual(280);
    expect(quote.endsWith('word…')).toBe(true);
  });
});

describe('digest from the stores, on a schedule', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let h: Harness;
  let now = START;
  const clock = { now: () => now };

  beforeEach(() => {
    temp = makeTempDir('digest');
    now = START;
    h = makeHarness({ dataDir: temp.dir, clock });
  });

  afterEach(async () => {
    await h.close();
    temp.remove();
  });

  it('collates the items and unanswered questions of the period only', async () => {
    await h.service.submit({ category: 'FIDO2', rating: 4, text: 'The USB key was easy to register.' }, { userId: 'a', channel: 'msteams' });
    await h.service.recordUnanswered('Can I use my smartwatch?');
    await h.service.recordUnanswered('can I use my SMARTWATCH');
    await h.service.recordUnanswered('my code is 123456 why is it wrong'); // holds a code: never kept
    now += DAY;
    await h.service.submit({ category: 'enrolment', rating: 2, text: 'Later item' }, { userId: 'b', channel: 'msteams' });
    await h.service.recordUnanswered('What about Linux?');

    const firstDay = (await h.service.collate(START, START + DAY));
    expect(firstDay.total).toBe(1);
    expect(firstDay.byCategory).toEqual([{ category: 'FIDO2', count: 1, averageRating: 4 }]);
    expect(firstDay.unanswered).toEqual([{ text: 'Can I use my smartwatch?', count: 2 }]);
    const both = (await h.service.collate(START, START + 2 * DAY));
    expect(both.total).toBe(2);
    expect(both.unanswered.map((u) => u.text)).toEqual(['Can I use my smartwatch?', 'What about Linux?']);
    expect(JSON.stringify(both)).not.toContain('123456');
  });

  it('queues one digest per period, survives a restart without repeating, and covers a gap in one digest', async () => {
    const make = () =>
      new DigestScheduler({
        meta: h.store.meta,
        outbox: h.service.outbox,
        unanswered: h.service.unanswered,
        everyMs: 7 * DAY,
        clock,
      });
    const scheduler = make();
    expect((await scheduler.runIfDue())).toBeNull(); // first start: only remembers when the period began
    await h.service.submit({ category: 'other', text: 'Something' }, { userId: 'a', channel: 'msteams' });
    now += 6 * DAY;
    expect((await scheduler.runIfDue())).toBeNull();
    now += DAY;
    const first = (await scheduler.runIfDue());
    expect(first?.total).toBe(1);
    expect(first?.period).toEqual({ from: new Date(START).toISOString(), to: new Date(START + 7 * DAY).toISOString() });
    expect((await h.service.outbox.get(first?.id ?? ''))).toMatchObject({ kind: 'digest', status: 'pending' });
    expect((await scheduler.runIfDue())).toBeNull();
    expect(await make().runIfDue()).toBeNull(); // a restarted process does not send it again
    now += 20 * DAY;
    const gap = await make().runIfDue();
    expect(gap?.period).toEqual({ from: new Date(START + 7 * DAY).toISOString(), to: new Date(START + 27 * DAY).toISOString() });
    expect((await h.service.outbox.status()).pending).toBe(3); // one item, two digests
  });
});
