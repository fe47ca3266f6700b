import { createRequire } from 'node:module';
import type * as ACTypes from 'adaptivecards';
import { afterEach, describe, expect, it } from 'vitest';
import { digestCard, feedbackCard } from '../../src/feedback/cards.js';
import { buildDigest } from '../../src/feedback/digest.js';
import type { FeedbackItem } from '../../src/feedback/model.js';
import { requestBody, TEAMS_PAYLOAD_MAX_BYTES } from '../../src/feedback/payloads.js';
import { makeHarness, TEST_SECRET, verifySignature } from '../support/feedbackHarness.js';
import { makeTempDir } from '../support/tempDir.js';
import { startReceiver, waitFor, type Receiver } from '../support/webhookReceiver.js';

// In Node only the SDK's UMD bundle loads; it has the package's typings (the lead's
// src/types/adaptivecards.d.ts declares the same for `import AC from 'adaptivecards/dist/adaptivecards.js'`).
const AC: typeof ACTypes = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js');

const item: FeedbackItem = {
  id: 'fb_0000000000000000000000000',
  reference: 'FB-7K3Q',
  createdAt: '2030-01-06T09:00:00.000Z',
  category: 'authenticator app',
  rating: 4,
  text: 'The code [code removed] was refused. [click me](https://evil.example) **bold**',
  removed: ['code'],
  role: 'pharmacist',
  contact: { name: 'Jo *Bloggs*', email: 'jo.bloggs@nhs.net' },
  channel: 'msteams',
  userHash: 'AbCdEfGhIjKlMnOpQrStUv',
};

/** Parses a card with the Adaptive Cards SDK and returns its warnings (unknown elements, bad properties). */
function cardWarnings(card: object): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
}

describe('json payload', () => {
  it('is the documented object', () => {
    expect(JSON.parse(requestBody({ kind: 'feedback', item }, 'json'))).toEqual({
      type: 'feedback',
      schemaVersion: 1,
      id: 'fb_0000000000000000000000000',
      reference: 'FB-7K3Q',
      createdAt: '2030-01-06T09:00:00.000Z',
      category: 'authenticator app',
      rating: 4,
      text: item.text,
      removed: ['code'],
      role: 'pharmacist',
      contact: { name: 'Jo *Bloggs*', email: 'jo.bloggs@nhs.net' },
      channel: 'msteams',
      userHash: 'AbCdEfGhIjKlMnOpQrStUv',
    });
  });
});

describe('teams-workflow payload', () => {
  it('wraps an Adaptive Card 1.5 the way Teams Workflows expects', () => {
    const body = JSON.parse(requestBody({ kind: 'feedback', item }, 'teams-workflow'));
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    expect(body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.attachments[0].content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  });

  it('builds cards the Adaptive Cards SDK parses without warnings', () => {
    expect(cardWarnings({ ...feedbackCard(item), body: [{ type: 'NotAnElement' }] })).not.toEqual([]); // the check can fail
    expect(cardWarnings(feedbackCard(item))).toEqual([]);
    const digest = buildDigest([item, { ...item, id: 'fb_2', reference: 'FB-2222' }], [{ text: 'Smartwatch?', count: 2 }], {
      id: 'dg_1',
      from: 0,
      to: 86_400_000,
    });
    expect(cardWarnings(digestCard(digest))).toEqual([]);
  });

  it('shows what users wrote as plain text runs, and escapes markdown in facts', () => {
    const card = feedbackCard(item);
    const json = JSON.stringify(card);
    expect(json).toContain('{"type":"TextRun","text":"The code [code removed] was refused. [click me](https://evil.example) **bold**"}');
    expect(json).toContain('"value":"Jo \\\\*Bloggs\\\\* \\\\<jo.bloggs@nhs.net\\\\>"');
  });

  it('stays under 28 KB for the largest item', () => {
    const worst: FeedbackItem = { ...item, text: '"\\😀'.repeat(500), contact: { name: 'N'.repeat(256), email: `${'e'.repeat(200)}@nhs.net` } };
    expect(Buffer.byteLength(requestBody({ kind: 'feedback', item: worst }, 'teams-workflow'))).toBeLessThan(TEAMS_PAYLOAD_MAX_BYTES);
  });

  it('trims a huge digest to fit under 28 KB and says so', () => {
    const long = '😀"\\'.repeat(93);
    const items = Array.from({ length: 50 }, (_, i): FeedbackItem => ({ ...item, id: `fb_${i}`, reference: `FB-${i}`, text: `${long} clock ${i}` }));
    const unanswered = Array.from({ length: 10 }, (_, i) => ({ text: `${'😀'.repeat(299)}${i}`, count: 10 - i }));
    const digest = buildDigest(items, unanswered, { id: 'dg_big', from: 0, to: 1, maxQuotes: 40, quoteMaxChars: 2000 });
    expect(Buffer.byteLength(JSON.stringify({ card: digestCard(digest) }))).toBeGreaterThan(TEAMS_PAYLOAD_MAX_BYTES);
    const body = requestBody({ kind: 'digest', digest }, 'teams-workflow');
    expect(Buffer.byteLength(body)).toBeLessThan(TEAMS_PAYLOAD_MAX_BYTES);
    expect(body).toContain('left out to fit the Teams message size');
  });
});

describe('posting in teams-workflow format', () => {
  let receiver: Receiver | null = null;
  let temp: ReturnType<typeof makeTempDir> | null = null;

  afterEach(async () => {
    await receiver?.close();
    temp?.remove();
  });

  it('delivers a signed card message', async () => {
    receiver = await startReceiver(() => ({ status: 202 }));
    temp = makeTempDir('teams');
    const h = makeHarness({ dataDir: temp.dir, url: receiver.url, format: 'teams-workflow', secret: TEST_SECRET });
    try {
      h.service.start();
      const result = await h.service.submit({ category: 'FIDO2', text: 'Key registration was fine' }, { userId: 'u', channel: 'msteams' });
      const r = receiver;
      await waitFor(() => r.accepted.length === 1, 'delivered');
      const payload = verifySignature(r.accepted[0]!);
      expect(payload).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }] });
      expect(r.accepted[0]?.headers['webhook-id']).toBe(result.ok ? result.id : '');
    } finally {
      await h.close();
    }
  });
});
