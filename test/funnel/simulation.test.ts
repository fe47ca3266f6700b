import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE } from '../../src/content/practice.js';
import { runCli } from '../../src/feedback/cli.js';
import type { Digest } from '../../src/feedback/digest.js';
import { renderDigestText } from '../../src/feedback/index.js';
import { requestBody, TEAMS_PAYLOAD_MAX_BYTES } from '../../src/feedback/payloads.js';
import { FunnelRecorder, funnelSource, SqliteFunnelStore } from '../../src/funnel/index.js';
import { openDatabase, type SqliteDatabase } from '../../src/storage/database.js';
import { TestChat } from '../support/chat.js';
import { phoneCode, secretOnCard } from '../support/practiceCodes.js';
import { makeHarness, TEST_SECRET, verifySignature, type Harness } from '../support/feedbackHarness.js';
import { makeTempDir } from '../support/tempDir.js';
import { startReceiver, waitFor } from '../support/webhookReceiver.js';

/**
 * Done when: a digest from a scripted run of 30 simulated users shows the funnel correctly in all
 * three forms. Thirty people go through the bot as it ships (createBot on a test adapter, one
 * personal chat each) on a clock the test moves; their clicks are counted by one recorder into the
 * embedded database; then the digest of the fortnight is read as the Teams card, the JSON payload
 * and the CLI's text.
 */
const DAY = 86_400_000;
const MINUTE = 60_000;
/** Monday 7 January 2030, 00:00 UTC: the period starts here and runs 14 days. */
const DAY0 = Date.UTC(2030, 0, 7);
const PERIOD_END = DAY0 + 14 * DAY;

let now = DAY0 + 9 * 60 * MINUTE;
const clock = () => now;

let temp: ReturnType<typeof makeTempDir>;
let db: SqliteDatabase;
let recorder: FunnelRecorder;
let harness: Harness;
let digest: Digest;

async function enrolTo(chat: TestChat, step: number): Promise<void> {
  await chat.say('menu');
  await chat.press('Set up MFA');
  for (let s = 1; s < step; s++) {
    if (s === 2) await chat.press('Back'); // Back and Next again: reaching a step twice counts once
    if (s === 2) await chat.press('Next');
    await chat.press('Next');
  }
}

/** Thirty people, each a plan: how far they get and what they press. */
async function runThirtyUsers(): Promise<TestChat[]> {
  const chats = Array.from({ length: 30 }, () => TestChat.start({ clock, funnel: recorder }));
  const at = (i: number): TestChat => {
    const chat = chats[i];
    if (chat === undefined) throw new Error(`no user ${i}`);
    return chat;
  };
  for (const [i, chat] of chats.entries()) {
    now += MINUTE;
    if (i < 3) await enrolTo(chat, 1); // 0–2 stop at step 1
    else if (i < 6) await enrolTo(chat, 2); // 3–5 stop at step 2
    else if (i < 12) {
      // 6–11 stuck at step 3: five locked out, fixed; one code not accepted, escalated
      await enrolTo(chat, 3);
      await chat.press("I'm stuck");
      if (i < 11) {
        await chat.press('Locked out or forgotten password');
        await chat.press('That fixed it');
      } else {
        await chat.press('My code is not accepted');
        while (chat.card.body.length > 0 && JSON.stringify(chat.card).includes('"Still stuck"')) await chat.press('Still stuck');
      }
    } else if (i < 14) await enrolTo(chat, 4); // 12–13 stop at step 4
    else if (i < 18) await enrolTo(chat, 5); // 14–17 stop at step 5
    else {
      await enrolTo(chat, 6); // 18–29 reach the next sign-in
      if (i < 25) await chat.press('Yes, it worked'); // 18–24 finish on day 0
      else if (i < 27) await chat.press('No, I need help'); // 25–26: it did not work
    }
  }
  // Day 3: two more finish (within 7 days). Day 10: one finishes late.
  now = DAY0 + 3 * DAY + 10 * 60 * MINUTE;
  for (const i of [27, 28]) {
    await at(i).say('continue');
    await at(i).press('Yes, it worked');
  }
  // Practice on day 4: five phones 3 minutes fast, two right.
  now = DAY0 + 4 * DAY + 9 * 60 * MINUTE + 7_000;
  for (const i of [0, 1, 2, 3, 4, 5, 6]) {
    const chat = at(i);
    await chat.say('menu');
    await chat.press('Practise with an authenticator');
    await chat.press(PRACTICE.showAccount);
    const secret = secretOnCard(chat.card);
    await chat.say(phoneCode(secret, i < 5 ? now + 3 * MINUTE : now));
  }
  now = DAY0 + 10 * DAY + 9 * 60 * MINUTE;
  await at(29).say('continue');
  await at(29).press('Yes, it worked');
  return chats;
}

beforeAll(async () => {
  temp = makeTempDir('funnel-sim');
  db = openDatabase({ dataDir: temp.dir });
  recorder = new FunnelRecorder({ store: new SqliteFunnelStore(db), clock });
  await runThirtyUsers();
  harness = makeHarness({ dataDir: temp.dir, clock: { now: clock }, funnel: funnelSource(recorder) });
  digest = await harness.service.collate(DAY0, PERIOD_END);
}, 120_000);

afterAll(async () => {
  await harness?.close();
  db?.close();
  temp?.remove();
});

describe('the funnel of 30 simulated users in the digest', () => {
  it('counts starts, steps reached, stuck and the problem chosen, outcomes, unfinished and practice; hides 1 to 4', () => {
    const funnel = digest.funnel;
    expect(funnel).toBeDefined();
    if (funnel === undefined) return;
    expect(funnel.started).toBe(30);
    expect(funnel.steps.map((s) => s.reached)).toEqual([30, 27, 24, 18, 16, 12]);
    const step3 = funnel.steps[2];
    expect(step3?.stuck).toBe(6);
    expect(step3?.problems).toEqual([
      { problem: 'locked_out', label: 'Locked out or forgotten password', count: 5 },
      { problem: 'code_rejected', label: 'My code is not accepted', count: null },
    ]);
    expect(funnel.steps.filter((s) => s.step !== 3).every((s) => s.stuck === 0 && s.problems.length === 0)).toBe(true);
    expect(funnel.worked).toBe(10);
    expect(funnel.didNotWork).toBeNull();
    // Started on 7 January; its 7 days ran out in the period: 9 finished in time, 21 did not.
    expect(funnel.unfinished).toEqual({ startedFrom: '2029-12-30', startedTo: '2030-01-12', started: 30, finished: 9, unfinished: 21 });
    expect(funnel.troubleshooting).toEqual([
      expect.objectContaining({ problem: 'code_rejected', fixed: 0, escalated: null }),
      expect.objectContaining({ problem: 'locked_out', fixed: 5, escalated: 0 }),
    ]);
    expect(funnel.practice).toEqual({ attempts: 7, wrongClock: 5 });
  });

  it('the JSON payload carries the numbers, null for "fewer than 5", and no person', () => {
    const body: unknown = JSON.parse(requestBody({ kind: 'digest', digest }, 'json'));
    expect(body).toMatchObject({ type: 'digest', funnel: { suppressedBelow: 5, started: 30, worked: 10, didNotWork: null, practice: { attempts: 7, wrongClock: 5 } } });
    const figures: number[] = [];
    const collect = (value: unknown, key: string): void => {
      if (typeof value === 'number' && key !== 'step') figures.push(value);
      else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) collect(v, k);
    };
    collect(digest.funnel, '');
    expect(figures.length).toBeGreaterThan(20);
    expect(figures.filter((n) => n > 0 && n < 5)).toEqual([]);
    expect(JSON.stringify(body)).not.toMatch(/user\d|flow\d/);
  });

  it('the Teams card draws the steps as proportional bars, says "fewer than 5", and fits in 28 KB', () => {
    const raw = requestBody({ kind: 'digest', digest }, 'teams-workflow');
    expect(Buffer.byteLength(raw)).toBeLessThanOrEqual(TEAMS_PAYLOAD_MAX_BYTES);
    const message: unknown = JSON.parse(raw);
    const text = JSON.stringify(message);
    expect(text).toContain('"version":"1.5"');
    expect(text).toContain('Enrolment funnel');
    expect(text).toContain('Step 3: Go to Self-Service: 24');
    expect(text).toContain('\\"No, it didn\'t work\\": fewer than 5');
    expect(text).toContain('My code is not accepted fewer than 5');
    // Bars: started 30 fills the row; step 4 (18) is 60 of 100, step 6 (12) 40.
    const weights = [...text.matchAll(/"width":(\d+),"style":"accent"/g)].map((m) => Number(m[1]));
    expect(weights).toEqual([100, 100, 90, 80, 60, 53, 40, 33]);
  });

  it('`npm run feedback -- digest` prints the funnel with text bars', async () => {
    let out = '';
    const code = await runCli(['digest', '--since', '14d'], {
      out: (t) => (out += t),
      err: (t) => (out += t),
      env: { DATA_DIR: temp.dir, FEEDBACK_USER_HASH_SALT: 'test-salt-0123456789' },
      now: () => PERIOD_END,
    });
    expect(code).toBe(0);
    expect(out).toBe(`${renderDigestText({ ...digest, id: 'x' })}\n`);
    expect(out).toMatch(/Started\s+█{30}\s+30\n/);
    expect(out).toMatch(/Step 4: Self-enrol for MFA\s+█{18}\s+18\n/);
    expect(out).toContain('"No, it didn\'t work": fewer than 5');
    expect(out).toContain('Left unfinished for 7 days: 21 of 30 started 2029-12-30 to 2030-01-12 (9 finished).');
    expect(out).toContain('My code is not accepted: fixed 0, escalated fewer than 5');
    expect(out).toContain('Practice: 7 codes checked, 5 showed a wrong phone clock.');
  });

  it.each(['json', 'teams-workflow'])('goes through the outbox to a %s webhook with the funnel intact', async (format) => {
    const receiver = await startReceiver(() => ({ status: 202 }));
    const poster = makeHarness({ dataDir: temp.dir, url: receiver.url, format, secret: TEST_SECRET, funnel: funnelSource(recorder) });
    try {
      poster.service.start();
      const queued = await poster.service.collate(DAY0, PERIOD_END);
      await poster.service.queueDigest(queued);
      await waitFor(() => receiver.accepted.length === 1, 'digest delivered');
      const request = receiver.accepted[0];
      if (request === undefined) throw new Error('nothing delivered');
      const payload = JSON.stringify(verifySignature(request));
      if (format === 'json') expect(payload).toContain('"worked":10,"didNotWork":null');
      else expect(payload).toContain('Yes, it worked: 10');
    } finally {
      await poster.close();
      await receiver.close();
    }
  });
});
