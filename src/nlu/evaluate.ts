import { INTENT_IDS, type IntentId } from './intents.js';

/**
 * Scores a matcher's answers against labelled questions, the way a user would judge it:
 * in-scope accuracy (right intent, rejections count as wrong), out-of-scope recall (`none`
 * questions rightly rejected), false rejections (in-scope questions wrongly rejected), per-intent
 * precision/recall/F1, macro-F1 over every label that occurs (`none` included), the most confused
 * pairs and every misrouted question.
 */
export interface Prediction {
  readonly text: string;
  readonly expected: IntentId;
  readonly predicted: IntentId;
  readonly confidence: number;
}

export interface IntentScore {
  readonly intent: IntentId;
  readonly support: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface ConfusedPair {
  readonly expected: IntentId;
  readonly predicted: IntentId;
  readonly count: number;
}

export interface EvaluationReport {
  readonly questions: number;
  readonly inScope: number;
  readonly outOfScope: number;
  readonly inScopeAccuracy: number;
  readonly outOfScopeRecall: number;
  readonly falseRejections: number;
  readonly falseRejectionRate: number;
  readonly macroF1: number;
  readonly perIntent: readonly IntentScore[];
  readonly confusedPairs: readonly ConfusedPair[];
  readonly misrouted: readonly Prediction[];
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

export function evaluatePredictions(predictions: readonly Prediction[], maxConfusedPairs = 10): EvaluationReport {
  let inScope = 0;
  let inScopeCorrect = 0;
  let outOfScope = 0;
  let outOfScopeCorrect = 0;
  let falseRejections = 0;
  const truePositives = new Map<IntentId, number>();
  const predictedCount = new Map<IntentId, number>();
  const goldCount = new Map<IntentId, number>();
  const pairs = new Map<string, ConfusedPair>();
  const misrouted: Prediction[] = [];
  const bump = (map: Map<IntentId, number>, key: IntentId): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };

  for (const prediction of predictions) {
    const { expected, predicted } = prediction;
    bump(goldCount, expected);
    bump(predictedCount, predicted);
    if (expected === predicted) bump(truePositives, expected);
    if (expected === 'none') {
      outOfScope++;
      if (predicted === 'none') outOfScopeCorrect++;
    } else {
      inScope++;
      if (predicted === expected) inScopeCorrect++;
      if (predicted === 'none') falseRejections++;
    }
    if (expected !== predicted) {
      misrouted.push(prediction);
      const key = `${expected}>${predicted}`;
      const pair = pairs.get(key);
      pairs.set(key, { expected, predicted, count: (pair?.count ?? 0) + 1 });
    }
  }

  const perIntent: IntentScore[] = [];
  for (const intent of INTENT_IDS) {
    const support = goldCount.get(intent) ?? 0;
    const predictedTotal = predictedCount.get(intent) ?? 0;
    if (support === 0 && predictedTotal === 0) continue;
    const hits = truePositives.get(intent) ?? 0;
    const precision = ratio(hits, predictedTotal);
    const recall = ratio(hits, support);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perIntent.push({ intent, support, precision, recall, f1 });
  }
  const macroF1 = ratio(
    perIntent.reduce((sum, score) => sum + score.f1, 0),
    perIntent.length,
  );
  const confusedPairs = [...pairs.values()]
    .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected) || a.predicted.localeCompare(b.predicted))
    .slice(0, maxConfusedPairs);

  return {
    questions: predictions.length,
    inScope,
    outOfScope,
    inScopeAccuracy: ratio(inScopeCorrect, inScope),
    outOfScopeRecall: ratio(outOfScopeCorrect, outOfScope),
    falseRejections,
    falseRejectionRate: ratio(falseRejections, inScope),
    macroF1,
    perIntent,
    confusedPairs,
    misrouted,
  };
}

/** Match every question and score the answers. */
export function evaluateMatcher(
  matcher: { match(text: string): { readonly intent: IntentId; readonly confidence: number } },
  questions: readonly { readonly text: string; readonly intent: IntentId }[],
): EvaluationReport {
  return evaluatePredictions(
    questions.map((question) => {
      const result = matcher.match(question.text);
      return { text: question.text, expected: question.intent, predicted: result.intent, confidence: result.confidence };
    }),
  );
}
