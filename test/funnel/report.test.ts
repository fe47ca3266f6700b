import { createRequire } from 'node:module';
import type * as ACTypes from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { PROBLEM_IDS } from '../../src/content/conversations.js';
import { digestCard } from '../../src/feedback/cards.js';
import { buildDigest, parseDigest, renderDigestText } from '../../src/feedback/digest.js';
import type { FeedbackItem } from '../../src/feedback/model.js';
import { requestBody, TEAMS_PAYLOAD_MAX_BYTES } from '../../src/feedback/payloads.js';
import { buildFunnelReport, type FunnelReport } from '../../src/funnel/index.js';

const AC: typeof ACTypes = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js');
const DAY = 86_400_000;
const FROM = Date.UTC(2030, 0, 7);
const TO = FROM + 7 * DAY;

function cardWarnings(card: object): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
}

const map = (entries: Record<string, number>) => new Map(Object.entries(entries));

/** Every counter there is, at a large number: the biggest funnel a digest can carry. */
function fullFunnel(): FunnelReport {
  const events = new Map<string, number>([['started', 123_456], ['worked', 99_999], ['didnotwork', 88_888], ['practice.clock', 77_777], ['practice.other', 66_666]]);
  for (let step = 1; step <= 6; step++) {
    events.set(`reached.${step}`, 123_456 - step * 1000);
    events.set(`stuck.${step}`, 5000 + step);
    for (const p of PROBLEM_IDS) events.set(`stuck.${step}.${p}`, 700 + step);
  }
  for (const p of PROBLEM_IDS) {
    events.set(`trouble.${p}.fixed`, 12_345);
    events.set(`trouble.${p}.escalated`, 6_789);
  }
  return buildFunnelReport(events, map({ started: 50_000, finished: 40_000 }), FROM, TO);
}

describe('funnel report: small numbers', () => {
  it('shows 0 and 5 or more; 1 to 4 become null ("fewer than 5")', () => {
    const report = buildFunnelReport(map({ started: 5, 'reached.1': 4, 'reached.2': 1, worked: 0, 'practice.clock': 2, 'practice.other': 3 }), new Map(), FROM, TO);
    expect(report.started).toBe(5);
    expect(report.steps.map((s) => s.reached)).toEqual([null, null, 0, 0, 0, 0]);
    expect(report.worked).toBe(0);
    // Each part hidden, but their total (5) shown.
    expect(report.practice).toEqual({ attempts: 5, wrongClock: null });
  });

  it('hides both parts of the unfinished total when either is under 5, so neither can be worked out', () => {
    const hidden = buildFunnelReport(new Map(), map({ started: 12, finished: 9 }), FROM, TO);
    expect(hidden.unfinished).toMatchObject({ started: 12, finished: null, unfinished: null });
    const shown = buildFunnelReport(new Map(), map({ started: 12, finished: 6 }), FROM, TO);
    expect(shown.unfinished).toMatchObject({ started: 12, finished: 6, unfinished: 6 });
  });

  it('reports the start days whose 7 days ran out in the period; a period inside one day has none', () => {
    expect(buildFunnelReport(new Map(), new Map(), FROM, TO).unfinished).toMatchObject({ startedFrom: '2029-12-30', startedTo: '2030-01-05' });
    expect(buildFunnelReport(new Map(), new Map(), FROM + 3_600_000, FROM + 7_200_000).unfinished).toBeNull();
  });
});

describe('funnel in the digest', () => {
  const item: FeedbackItem = {
    id: 'fb_1', reference: 'FB-1', createdAt: '2030-01-08T09:00:00.000Z', category: 'enrolment', rating: 3,
    text: 'x', removed: [], role: null, contact: null, channel: 'msteams', userHash: 'h',
  };

  it('survives the outbox: parseDigest reads it back, and refuses a figure from 1 to 4', () => {
    const digest = { ...buildDigest([item], [], { id: 'dg_1', from: FROM, to: TO }), funnel: fullFunnel() };
    const stored: unknown = JSON.parse(JSON.stringify(digest));
    expect(parseDigest(stored)).toEqual(digest);
    const bad = JSON.parse(JSON.stringify(digest).replace('"worked":99999', '"worked":3'));
    expect(() => parseDigest(bad)).toThrow(TypeError);
    const { funnel: _none, ...before } = digest;
    expect(parseDigest(JSON.parse(JSON.stringify(before)))).toEqual(before);
  });

  it('the card parses in the Adaptive Cards SDK without warnings, and the largest funnel with a huge digest fits in 28 KB', () => {
    const long = '😀"\\'.repeat(93);
    const items = Array.from({ length: 50 }, (_, i): FeedbackItem => ({ ...item, id: `fb_${i}`, reference: `FB-${i}`, text: `${long} clock ${i}` }));
    const unanswered = Array.from({ length: 10 }, (_, i) => ({ text: `${'😀'.repeat(299)}${i}`, count: 10 - i }));
    const digest = { ...buildDigest(items, unanswered, { id: 'dg_big', from: FROM, to: TO, maxQuotes: 40, quoteMaxChars: 2000 }), funnel: fullFunnel() };
    expect(cardWarnings(digestCard(digest))).toEqual([]);
    const body = requestBody({ kind: 'digest', digest }, 'teams-workflow');
    expect(Buffer.byteLength(body)).toBeLessThan(TEAMS_PAYLOAD_MAX_BYTES);
    expect(body).toContain('Enrolment funnel');
    expect(body).toContain('Started: 123456');
    // Alone (no feedback at all), the full funnel is well inside the limit.
    const alone = requestBody({ kind: 'digest', digest: { ...buildDigest([], [], { id: 'dg_2', from: FROM, to: TO }), funnel: fullFunnel() } }, 'teams-workflow');
    expect(Buffer.byteLength(alone)).toBeLessThan(TEAMS_PAYLOAD_MAX_BYTES / 2);
  });

  it('a digest with nothing counted says so in words, not empty bars', () => {
    const digest = { ...buildDigest([], [], { id: 'dg_0', from: FROM, to: TO }), funnel: buildFunnelReport(new Map(), new Map(), FROM, TO) };
    const text = renderDigestText(digest);
    expect(text).toContain('"I\'m stuck": not pressed in this period.');
    expect(text).toContain('Troubleshooting: no outcomes in this period.');
    expect(JSON.stringify(digestCard(digest))).not.toContain('"style":"accent"');
  });
});
