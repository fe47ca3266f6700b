import type { ExampleSet } from '../../src/content/intents/types.js';
import { evaluatePredictions, type EvaluationReport } from '../../src/nlu/evaluate.js';
import type { LabelledQuestion } from '../../src/nlu/types.js';
import { countNearMisses, type NearMisses, type Offered } from './near-misses.js';
import type { System } from './systems.js';

/** One held-out file, named for the table. */
export interface HeldoutSet {
  readonly name: string;
  readonly questions: readonly LabelledQuestion[];
}

export interface SetResult {
  readonly set: string;
  readonly report: EvaluationReport;
  /** In-scope answers (not `none`) that were wrong although given with confidence ≥ 0.9. */
  readonly confidentWrong: number;
  /** For a system that offers topics with `none`: how its rejections fared. */
  readonly nearMisses?: NearMisses;
}



export interface Measurement {
  readonly name: string;
  readonly results: readonly SetResult[];
  readonly trainMs: number;
  readonly classifyMedianUs: number;
  readonly classifyP99Us: number;
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? 0;
}

/** Confidence from which an answer should never be wrong. */
export const CONFIDENT = 0.9;

/**
 * Builds the system (timed: training plus any tuning), scores it on each held-out set, then
 * times every classification over `passes` further passes of all the sets (after the scoring
 * passes, which warm up).
 */
export async function measure(
  system: System,
  training: ExampleSet,
  tuning: ExampleSet,
  sets: readonly HeldoutSet[],
  passes: number,
): Promise<Measurement> {
  const started = process.hrtime.bigint();
  const classifier = await system.build(training, tuning);
  const trainMs = Number(process.hrtime.bigint() - started) / 1e6;

  const results: SetResult[] = [];
  for (const set of sets) {
    const predictions = [];
    /** Only for a system that offers topics with `none`. */
    const offered: Offered[] = [];
    for (const question of set.questions) {
      const { intent, confidence, suggestions } = await classifier.classify(question.text);
      predictions.push({ text: question.text, expected: question.intent, predicted: intent, confidence });
      if (suggestions !== undefined) offered.push({ expected: question.intent, intent, suggestions });
    }
    const confidentWrong = predictions.filter(
      (p) => p.predicted !== 'none' && p.predicted !== p.expected && p.confidence >= CONFIDENT,
    ).length;
    results.push({ set: set.name, report: evaluatePredictions(predictions), confidentWrong, ...(offered.length > 0 ? { nearMisses: countNearMisses(offered) } : {}) });
  }
  const heldout = sets.flatMap((set) => set.questions);

  const timings: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const question of heldout) {
      const start = process.hrtime.bigint();
      await classifier.classify(question.text);
      timings.push(Number(process.hrtime.bigint() - start) / 1e3);
    }
  }
  timings.sort((a, b) => a - b);
  return {
    name: system.name,
    results,
    trainMs,
    classifyMedianUs: percentile(timings, 0.5),
    classifyP99Us: percentile(timings, 0.99),
  };
}
