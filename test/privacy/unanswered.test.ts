import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderDigestText } from '../../src/feedback/digest.js';
import { makeHarness, type Harness } from '../support/feedbackHarness.js';
import { makeTempDir } from '../support/tempDir.js';

const START = Date.UTC(2030, 2, 1);
const HOUR = 3_600_000;

/** Issue 15, item 1: nothing that looks secret is kept as an unanswered question or shown in the digest. */
describe('unanswered questions keep nothing secret', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let h: Harness;

  beforeEach(() => {
    temp = makeTempDir('unanswered-secrets');
    h = makeHarness({ dataDir: temp.dir, clock: { now: () => START } });
  });

  afterEach(async () => {
    await h.close();
    temp.remove();
  });

  const secrets = ['Word!Word77', 'login Summer2024!', 'pin 4821', 'code 73 91 04', 'it was 7-3-9-1-0-4', '１２３４５６', '123\u200b456'];

  it.each(secrets)('%j is not kept', async (question) => {
    expect(await h.service.recordUnanswered(question)).toBe(false);
  });

  it('the digest shows only scrubbed text', async () => {
    await h.service.recordUnanswered('Can I use my smartwatch?');
    await h.service.recordUnanswered('patient 943 4765 919 cannot log in, what now');
    await h.service.recordUnanswered('what if I also use Summer2025! for the shared box, is that allowed');
    for (const question of secrets) await h.service.recordUnanswered(question);
    const digest = await h.service.collate(START - HOUR, START + HOUR);
    const shown = `${JSON.stringify(digest)}\n${renderDigestText(digest)}`;
    for (const leak of ['Word!Word77', 'Summer2024', 'Summer2025', '4821', '73 91 04', '7-3-9-1-0-4', '123456', '１２３４５６', '943 4765 919']) {
      expect(shown).not.toContain(leak);
    }
    expect(digest.unanswered.map((u) => u.text).sort()).toEqual([
      'Can I use my smartwatch?',
      'patient [NHS number removed] cannot log in, what now',
      'what if I also use [password removed] for the shared box, is that allowed',
    ]);
  });
});
