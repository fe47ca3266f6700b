import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFeedbackText, FEEDBACK_TEXT_MAX } from '../../src/feedback/index.js';
import { REFERENCE_PATTERN } from '../../src/feedback/ids.js';
import { hashUserId } from '../../src/feedback/userHash.js';
import { makeHarness, type Harness } from '../support/feedbackHarness.js';
import { makeTempDir } from '../support/tempDir.js';

let temp: ReturnType<typeof makeTempDir>;
let h: Harness;
let now = Date.UTC(2030, 0, 6, 9, 0, 0);
const clock = { now: () => now };

beforeEach(() => {
  temp = makeTempDir('submit');
  now = Date.UTC(2030, 0, 6, 9, 0, 0);
  h = makeHarness({ dataDir: temp.dir, clock });
});

afterEach(async () => {
  await h.close();
  temp.remove();
});

const sender = { userId: '29:1abcRAWTEAMSID', channel: 'msteams' };

/** Every byte SQLite has written: the database file, its write-ahead log and shared memory. */
function databaseBytes(): string {
  return readdirSync(temp.dir)
    .map((name) => readFileSync(join(temp.dir, name)).toString('latin1'))
    .join('\n');
}

describe('submitting feedback', () => {
  it('stores a scrubbed item with a quotable reference and tells the user what was removed', async () => {
    const result = await h.service.submit(
      {
        category: 'authenticator app',
        rating: 2,
        text: 'My password is Winter2029!! and the code 481516 was refused. Ring me on 07700 900123.',
        role: 'locum',
      },
      sender,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reference).toMatch(REFERENCE_PATTERN);
    expect(result.removed).toEqual(['password', 'phone', 'code']);
    expect(result.removedNotice).toBe(
      'To keep you safe, I removed a password, a phone number and a verification code from your message before saving it.',
    );
    const entry = (await h.service.outbox.get(result.id));
    expect(entry?.body).toEqual({
      id: result.id,
      reference: result.reference,
      createdAt: '2030-01-06T09:00:00.000Z',
      category: 'authenticator app',
      rating: 2,
      text: 'My password is [password removed] and the code [code removed] was refused. Ring me on [phone number removed].',
      removed: ['password', 'phone', 'code'],
      role: 'locum',
      contact: null,
      channel: 'msteams',
      userHash: hashUserId(sender.userId, 'test-salt-0123456789'),
    });
  });

  it('never writes the secrets, the raw text or the raw user id to disk', async () => {
    await h.service.submit({ category: 'other', text: 'pw: Zebra#Crossing42 and NHS number 943 476 5919' }, sender);
    h.db.pragma('wal_checkpoint(FULL)');
    const bytes = databaseBytes();
    expect(bytes).toContain('[password removed]');
    expect(bytes).not.toContain('Zebra#Crossing42');
    expect(bytes).not.toContain('943 476 5919');
    expect(bytes).not.toContain('1abcRAWTEAMSID');
  });

  it('keeps contact details only when given, and keeps the user’s own address in the text', async () => {
    const result = await h.service.submit(
      {
        category: 'this bot',
        text: 'Email me at jo.bloggs@nhs.net, not my manager boss@nhs.net',
        contact: { name: 'Jo Bloggs', email: 'Jo.Bloggs@nhs.net' },
      },
      sender,
    );
    if (!result.ok) throw new Error('refused');
    expect((await h.service.outbox.get(result.id))?.body).toMatchObject({
      text: 'Email me at jo.bloggs@nhs.net, not my manager [email removed]',
      contact: { name: 'Jo Bloggs', email: 'Jo.Bloggs@nhs.net' },
      rating: null,
      role: null,
    });
  });

  it('gives the same pseudonymous hash to the same user, and different ones to different users', async () => {
    expect((await h.service.userHash('a'))).toBe((await h.service.userHash('a')));
    expect((await h.service.userHash('a'))).not.toBe((await h.service.userHash('b')));
    expect((await h.service.userHash('a'))).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('takes 5 items per user per hour; the 6th gets a polite message; others are not affected', async () => {
    const submit = (userId: string) => h.service.submit({ category: 'enrolment', text: 'fine' }, { userId, channel: 'msteams' });
    for (let i = 0; i < 5; i += 1) {
      expect((await submit('busy')).ok).toBe(true);
      now += 60_000;
    }
    expect((await h.service.checkRateLimit('busy'))).toMatchObject({ ok: false, retryAfterMs: 55 * 60_000 });
    expect((await h.service.checkRateLimit('someone else'))).toEqual({ ok: true });
    const sixth = await submit('busy');
    expect(sixth).toMatchObject({ ok: false, reason: 'rate-limited', retryAfterMs: 55 * 60_000 });
    if (sixth.ok) return;
    expect(sixth.message).toBe(
      'Thank you for all your feedback. You have sent 5 in the last hour, which is as many as I can take for now. Please try again in about 55 minutes.',
    );
    expect((await submit('someone else')).ok).toBe(true);
    now += 55 * 60_000; // the first item is now an hour old
    expect((await submit('busy')).ok).toBe(true);
    expect((await submit('busy')).ok).toBe(false);
  });

  it('refuses drafts the dialog should not produce', async () => {
    await expect(h.service.submit({ category: 'enrolment', text: '' }, sender)).rejects.toThrow(RangeError);
    await expect(h.service.submit({ category: 'enrolment', text: 'ok', rating: 6 }, sender)).rejects.toThrow(/rating/);
    await expect(
      h.service.submit({ category: 'enrolment', text: 'ok', contact: { name: 'A', email: '' } }, sender),
    ).rejects.toThrow(/contact/);
    expect((await h.service.outbox.status()).pending).toBe(0);
  });

  it('gives every item its own reference', async () => {
    const references = new Set<string>();
    for (let i = 0; i < 40; i += 1) {
      const result = await h.service.submit({ category: 'other', text: `item ${i}` }, { userId: `u${i}`, channel: 'msteams' });
      if (result.ok) references.add(result.reference);
    }
    expect(references.size).toBe(40);
  });
});

describe('checkFeedbackText', () => {
  it('accepts 2,000 characters and refuses 2,001 with a clear message', () => {
    expect(checkFeedbackText('a'.repeat(FEEDBACK_TEXT_MAX)).ok).toBe(true);
    expect(checkFeedbackText('a'.repeat(FEEDBACK_TEXT_MAX + 1))).toMatchObject({
      ok: false,
      reason: 'too-long',
      message: 'That is 2,001 characters, and feedback can be at most 2,000. Could you shorten it by about 1 character and send it again?',
    });
  });

  it('counts what is over the limit', () => {
    expect(checkFeedbackText('b'.repeat(2_345))).toMatchObject({
      message: 'That is 2,345 characters, and feedback can be at most 2,000. Could you shorten it by about 345 characters and send it again?',
    });
  });

  it('refuses an empty text', () => {
    expect(checkFeedbackText('   ')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('keeps the scrubbed text within the limit even when placeholders are longer than what they replace', () => {
    const raw = Array.from({ length: 250 }, () => '123456').join(' ').slice(0, FEEDBACK_TEXT_MAX);
    const result = checkFeedbackText(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.text].length).toBeLessThanOrEqual(FEEDBACK_TEXT_MAX);
    expect(result.text).not.toMatch(/\d{6}/);
  });
});
