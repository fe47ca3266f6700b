import { DamerauLevenshteinDistance, JaroWinklerDistance } from 'natural/lib/natural/distance/index.js';

/**
 * Typo tolerance: a word the matcher has never seen is replaced by the closest known word,
 * if one is close enough (Damerau-Levenshtein distance 1 for words of 4–7 letters, 2 for longer;
 * ties broken by Jaro-Winkler similarity, then by how common the word is). Candidates come from
 * a symmetric-delete index (every known word with up to two letters removed), so a lookup costs a
 * handful of map reads and distance checks instead of a scan of the whole vocabulary.
 */
export interface SpellingCorrector {
  /** The known word closest to `word`, or `word` itself when it is known, too short, or nothing is close. */
  correct(word: string): string;
}

export interface SpellingOptions {
  /** Words shorter than this are never corrected (default 4). */
  readonly minLength?: number;
  /** Words at least this long may be two edits away (default 8). */
  readonly twoEditLength?: number;
  /** Corrections remembered, so repeated words cost nothing (default 5000). */
  readonly cacheSize?: number;
}

function maxEditsFor(length: number, minLength: number, twoEditLength: number): number {
  if (length < minLength) return 0;
  return length >= twoEditLength ? 2 : 1;
}

/** All strings made by deleting up to `edits` letters from `word` (the word itself included). */
function deletes(word: string, edits: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let round = 0; round < edits; round++) {
    const next: string[] = [];
    for (const item of frontier) {
      for (let index = 0; index < item.length; index++) {
        const shorter = item.slice(0, index) + item.slice(index + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}

export function createSpellingCorrector(
  vocabulary: ReadonlyMap<string, number>,
  options: SpellingOptions = {},
): SpellingCorrector {
  const minLength = options.minLength ?? 4;
  const twoEditLength = options.twoEditLength ?? 8;
  const cacheSize = options.cacheSize ?? 5000;

  const index = new Map<string, string[]>();
  for (const word of vocabulary.keys()) {
    if (!/^[a-z]+$/.test(word)) continue;
    const edits = Math.min(2, maxEditsFor(word.length + 2, minLength, twoEditLength));
    for (const variant of deletes(word, edits)) {
      const bucket = index.get(variant);
      if (bucket) bucket.push(word);
      else index.set(variant, [word]);
    }
  }

  const cache = new Map<string, string>();

  function lookup(word: string): string {
    const edits = maxEditsFor(word.length, minLength, twoEditLength);
    if (edits === 0 || !/^[a-z]+$/.test(word)) return word;
    let best = word;
    let bestDistance = edits + 1;
    let bestSimilarity = -1;
    let bestCount = -1;
    const seen = new Set<string>();
    for (const variant of deletes(word, edits)) {
      for (const candidate of index.get(variant) ?? []) {
        if (seen.has(candidate)) continue;
        seen.add(candidate);
        if (Math.abs(candidate.length - word.length) > edits) continue;
        const distance = DamerauLevenshteinDistance(word, candidate, { restricted: true });
        if (distance > edits) continue;
        const similarity = JaroWinklerDistance(word, candidate);
        const count = vocabulary.get(candidate) ?? 0;
        const better =
          distance < bestDistance ||
          (distance === bestDistance &&
            (similarity > bestSimilarity || (similarity === bestSimilarity && count > bestCount)));
        if (better) {
          best = candidate;
          bestDistance = distance;
          bestSimilarity = similarity;
          bestCount = count;
        }
      }
    }
    return best;
  }

  return {
    correct(word: string): string {
      if (vocabulary.has(word)) return word;
      const cached = cache.get(word);
      if (cached !== undefined) return cached;
      const corrected = lookup(word);
      if (cache.size >= cacheSize) cache.clear();
      cache.set(word, corrected);
      return corrected;
    },
  };
}
