import type { ExampleSet } from '../../src/content/intents/types.js';
import { evaluatePredictions, type EvaluationReport } from '../../src/nlu/evaluate.js';
import type { LabelledQuestion } from '../../src/nlu/types.js';
import type { System } from './systems.js';

export interface Measurement {
  readonly name: string;
  readonly report: EvaluationReport;
  readonly trainMs: number;
  readonly classifyMedianUs: number;
  readonly classifyP99Us: number;
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? 0;
}

/**
 * Builds the system (timed: training plus any tuning), scores it on the held-out questions, then
 * times every classification over `passes` further passes (after the scoring pass, which warms up).
 */
export async function measure(
  system: System,
  training: ExampleSet,
  tuning: ExampleSet,
  heldout: readonly LabelledQuestion[],
  passes: number,
): Promise<Measurement> {
  const started = process.hrtime.bigint();
  const classifier = await system.build(training, tuning);
  const trainMs = Number(process.hrtime.bigint() - started) / 1e6;

  const predictions = [];
  for (const question of heldout) {
    const predicted = await classifier.classify(question.text);
    predictions.push({ text: question.text, expected: question.intent, predicted, confidence: 0 });
  }
  const report = evaluatePredictions(predictions);

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
    report,
    trainMs,
    classifyMedianUs: percentile(timings, 0.5),
    classifyP99Us: percentile(timings, 0.99),
  };
}
