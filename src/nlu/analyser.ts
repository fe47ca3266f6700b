import { tokenise } from './normalise.js';
import { createSpellingCorrector, type SpellingCorrector } from './spelling.js';
import { createStemmer } from './stemming.js';
import { STOP_WORDS } from './stop-words.js';
import { applySynonyms, synonymWords } from './synonyms.js';

/**
 * Text → features, the same way for training and for matching:
 * normalise and tokenise → correct typos against the known words → synonyms → Porter stems →
 * word features (each stem that is not a stop word), phrase features (each pair of neighbouring
 * stems, stop words included, so "no code" and "new phone" count) and, optionally, letter
 * trigrams of each word (robust to spellings the corrector cannot fix).
 */
export interface Analysis {
  /** Canonical stems, in order. */
  readonly stems: readonly string[];
  /** Feature names: `w:<stem>`, `b:<stem>_<stem>`, `c:<trigram>`. */
  readonly features: readonly string[];
}

export interface Analyser {
  analyse(text: string): Analysis;
}

export interface AnalyserOptions {
  /** Add letter-trigram features (default false). */
  readonly letterTrigrams?: boolean;
  /** Leave stop words out of the single-word features (default true). */
  readonly dropStopWords?: boolean;
}

/** Every raw word in the training texts with its count, plus the synonym table's words. */
export function buildVocabulary(texts: Iterable<string>): Map<string, number> {
  const vocabulary = new Map<string, number>();
  for (const text of texts) {
    for (const token of tokenise(text)) vocabulary.set(token, (vocabulary.get(token) ?? 0) + 1);
  }
  for (const word of synonymWords()) if (!vocabulary.has(word)) vocabulary.set(word, 1);
  return vocabulary;
}

function canonical(token: string): string {
  return /^\d+$/.test(token) ? '#' : token;
}

export function createAnalyser(vocabulary: ReadonlyMap<string, number>, options: AnalyserOptions = {}): Analyser {
  const speller: SpellingCorrector = createSpellingCorrector(vocabulary);
  const stem = createStemmer();
  const letterTrigrams = options.letterTrigrams ?? false;
  const dropStopWords = options.dropStopWords ?? true;
  return {
    analyse(text: string): Analysis {
      const words = applySynonyms(tokenise(text).map((token) => speller.correct(token))).map(canonical);
      const stems = words.map(stem);
      const features: string[] = [];
      for (let index = 0; index < stems.length; index++) {
        const current = stems[index] ?? '';
        const word = words[index] ?? '';
        if (!dropStopWords || !STOP_WORDS.has(word)) features.push(`w:${current}`);
        const next = stems[index + 1];
        if (next !== undefined) features.push(`b:${current}_${next}`);
        if (letterTrigrams && word.length > 3) {
          const padded = `<${word}>`;
          for (let start = 0; start + 3 <= padded.length; start++) features.push(`c:${padded.slice(start, start + 3)}`);
        }
      }
      return { stems, features };
    },
  };
}
