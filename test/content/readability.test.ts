import { describe, expect, it } from 'vitest';
import { collectMessages, scoreMessages, TARGET_SCORE, TARGET_SHARE } from '../../scripts/lib/readability.js';
import { INTENT_ANSWERS } from '../../src/content/answers.js';
import { ENROLMENT_STEPS } from '../../src/content/enrolment.js';
import { URGENT } from '../../src/content/urgent.js';

describe('plain English (npm run readability)', () => {
  it(`at least ${TARGET_SHARE * 100}% of messages of ten words or more reach Flesch reading ease ${TARGET_SCORE}`, () => {
    const report = scoreMessages();
    const worst = report.scored.slice(0, 5).map((m) => `${m.score} ${m.path}`);
    expect(report.share, `worst: ${worst.join('; ')}`).toBeGreaterThanOrEqual(TARGET_SHARE);
  });

  it('collects the messages by walking the content, not from a hand-kept list', () => {
    const paths = collectMessages().map((m) => m.path);
    expect(paths).toContain('answers.INTENT_ANSWERS.about.why.paragraphs.0');
    expect(paths.some((p) => p.startsWith('enrolment.ENROLMENT_STEPS.2.stuck.'))).toBe(true);
    expect(paths.some((p) => p.startsWith('methods.recommend(every answer)'))).toBe(true);
    const texts = collectMessages().map((m) => m.text);
    expect(texts).toContain(INTENT_ANSWERS['about.what'].paragraphs[0]);
    expect(texts).toContain(ENROLMENT_STEPS[0]?.detail);
    expect(texts).toContain(URGENT.abroad_locked_out.nextTime[0]?.text);
    // Ids, sources and typed synonyms are not messages.
    expect(texts).not.toContain('cpe-factsheet');
    expect(texts).not.toContain('enrol');
  });

  it('scores a hard sentence below the floor and a plain one above it', () => {
    const hard = { path: 'hard', text: 'Organisational authentication infrastructure necessitates comprehensive administrative authorisation procedures for every individual practitioner.' };
    const plain = { path: 'plain', text: 'Call the helpdesk and ask for help. They are there all day and all night.' };
    const report = scoreMessages([hard, plain]);
    expect(report.scored.find((m) => m.path === 'hard')?.score).toBeLessThan(TARGET_SCORE);
    expect(report.scored.find((m) => m.path === 'plain')?.score).toBeGreaterThanOrEqual(TARGET_SCORE);
    expect(report.share).toBe(0.5);
  });
});
