import type { Analyser } from './analyser.js';
import { INTENT_IDS, type InScopeIntentId } from './intents.js';

/**
 * The second scorer: how close a question's words are to each intent's own content (its answer's
 * title and paragraphs, written from the factsheet), so a question that uses the answer's
 * vocabulary finds it even when no training example says it that way. TF-IDF over word stems,
 * one document per intent (a word found in every answer weighs nothing), cosine similarity.
 */
export interface ContentScorer {
  /** Adds `weight` × similarity to each in-scope intent's logit, in place. */
  addTo(logits: Float64Array, stems: readonly string[], weight: number): void;
  /** The intent whose content is closest to these stems, or undefined when none shares a word. */
  best(stems: readonly string[]): InScopeIntentId | undefined;
}

/** What each intent's content says, as plain text. */
export type IntentContent = Readonly<Partial<Record<InScopeIntentId, string>>>;

export function createContentScorer(analyser: Analyser, content: IntentContent): ContentScorer {
  const documents: { readonly column: number; readonly counts: Map<string, number> }[] = [];
  const documentFrequency = new Map<string, number>();
  for (let column = 0; column < INTENT_IDS.length; column++) {
    const intent = INTENT_IDS[column];
    const text = intent === undefined || intent === 'none' ? undefined : content[intent];
    if (text === undefined) continue;
    const counts = new Map<string, number>();
    for (const stem of analyser.analyse(text).stems) counts.set(stem, (counts.get(stem) ?? 0) + 1);
    for (const stem of counts.keys()) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
    documents.push({ column, counts });
  }
  const idf = new Map<string, number>();
  for (const [stem, frequency] of documentFrequency) idf.set(stem, Math.log(documents.length / frequency));

  // Each intent's content as a unit vector of (1 + log count) × idf.
  const vectors = documents.map(({ column, counts }) => {
    const weights = new Map<string, number>();
    let squares = 0;
    for (const [stem, count] of counts) {
      const weight = (1 + Math.log(count)) * (idf.get(stem) ?? 0);
      if (weight <= 0) continue;
      weights.set(stem, weight);
      squares += weight * weight;
    }
    const norm = Math.sqrt(squares) || 1;
    for (const [stem, weight] of weights) weights.set(stem, weight / norm);
    return { column, weights };
  });

  const similarities = (stems: readonly string[]): { column: number; similarity: number }[] => {
    const query = new Map<string, number>();
    for (const stem of new Set(stems)) {
      const value = idf.get(stem);
      if (value !== undefined && value > 0) query.set(stem, value);
    }
    let squares = 0;
    for (const value of query.values()) squares += value * value;
    if (squares === 0) return [];
    const norm = Math.sqrt(squares);
    return vectors.map(({ column, weights }) => {
      let dot = 0;
      for (const [stem, value] of query) dot += value * (weights.get(stem) ?? 0);
      return { column, similarity: dot / norm };
    });
  };

  return {
    addTo(logits, stems, weight) {
      if (weight === 0) return;
      for (const { column, similarity } of similarities(stems)) logits[column] = (logits[column] ?? 0) + weight * similarity;
    },
    best(stems) {
      let best: { column: number; similarity: number } | undefined;
      for (const item of similarities(stems)) if (item.similarity > (best?.similarity ?? 0)) best = item;
      const intent = best === undefined ? undefined : INTENT_IDS[best.column];
      return intent === undefined || intent === 'none' ? undefined : intent;
    },
  };
}
