import { describe, expect, it } from 'vitest';
import { fitConfidenceTable, wilsonLower } from '../../src/nlu/confidence-table.js';
import { decide } from '../../src/nlu/decision.js';

describe('the confidence reported with an answer', () => {
  it('is the lower end of the 95% interval of how often answers like it were right', () => {
    expect(wilsonLower(0, 0)).toBe(0);
    expect(wilsonLower(10, 10)).toBeCloseTo(0.722, 3);
    expect(wilsonLower(95, 100)).toBeCloseTo(0.888, 3);
    expect(wilsonLower(100, 100)).toBeGreaterThan(0.96);
    expect(wilsonLower(100, 100)).toBeLessThan(1);
  });

  it('is lower where the tuning answers were wrong more often, and never above the probability', () => {
    const items = [
      ...Array.from({ length: 100 }, () => ({ probability: 0.995, contentAgrees: true, correct: true })),
      ...Array.from({ length: 90 }, (_, i) => ({ probability: 0.995, contentAgrees: false, correct: i >= 9 })),
    ];
    const table = fitConfidenceTable(items);
    const agreeing = table.confidence(0.995, true);
    const disagreeing = table.confidence(0.995, false);
    expect(agreeing).toBeGreaterThan(0.9);
    expect(disagreeing).toBeLessThan(0.9);
    expect(table.confidence(0.75, true)).toBe(0); // no tuning answer in that band: no claim at all
    expect(fitConfidenceTable(Array.from({ length: 50 }, () => ({ probability: 0.5, contentAgrees: true, correct: true }))).confidence(0.5, true)).toBeLessThanOrEqual(0.5);
  });
});

describe('"Did you mean…?"', () => {
  const settings = { threshold: 0.5, ambiguityRatio: 0.5 };

  it('is never asked when the top intent is clear on its own, however close the second', () => {
    const result = decide(
      [
        { intent: 'about.why', confidence: 0.55 },
        { intent: 'about.rollout', confidence: 0.4 },
      ],
      settings,
    );
    expect(result).toMatchObject({ intent: 'about.why', ambiguous: false });
  });

  it('is asked when neither is enough alone, but the two are close and together they are', () => {
    const result = decide(
      [
        { intent: 'methods.sms', confidence: 0.3 },
        { intent: 'trouble.no_code', confidence: 0.25 },
      ],
      settings,
    );
    expect(result).toMatchObject({ intent: 'methods.sms', ambiguous: true });
  });

  it('is not asked when the second is far behind: the question is not understood', () => {
    const result = decide(
      [
        { intent: 'methods.sms', confidence: 0.4 },
        { intent: 'trouble.no_code', confidence: 0.15 },
      ],
      settings,
    );
    expect(result).toMatchObject({ intent: 'none', ambiguous: false });
  });
});
