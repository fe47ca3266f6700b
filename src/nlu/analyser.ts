import { tokenise } from './normalise.js';
import { createSpellingCorrector, type SpellingCorrector } from './spelling.js';
import { createStemmer } from './stemming.js';
import { applySynonyms, synonymWords } from './synonyms.js';

/**
 * Text → features, the same way for training and for matching:
 * normalise and tokenise → correct typos against the known words → synonyms → Porter stems →
 * word features (each stem), phrase features (each pair of neighbouring stems, so "no code",
 * "new phone" and "how often" count) and, optionally, letter trigrams of each word. No stop-word
 * list: TF-IDF already makes common words weigh little, and small words carry meaning here
 * ("why" MFA vs "what" is MFA; "no" code).
 */
export interface Analysis {
  /** The words as typed (normalised and tokenised, before spelling correction and synonyms). */
  readonly tokens: readonly string[];
  /** Canonical stems, in order. */
  readonly stems: readonly string[];
  /** Feature names: `w:<stem>`, `b:<stem>_<stem>`, `c:<trigram>`. */
  readonly features: readonly string[];
}

export interface Analyser {
  analyse(text: string): Analysis;
  /** analyse() of a text already tokenised (`tokenise(text)`), so training tokenises each example once. */
  analyseTokens(tokens: readonly string[]): Analysis;
}

export interface AnalyserOptions {
  /** Add letter-trigram features (default false: measured no better on the tuning data). */
  readonly letterTrigrams?: boolean;
}

/** Every raw word in the training texts (each as `tokenise` gives it) with its count, plus the synonym table's words. */
export function buildVocabulary(tokenisedTexts: Iterable<readonly string[]>): Map<string, number> {
  const vocabulary = new Map<string, number>();
  for (const tokens of tokenisedTexts) {
    for (const token of tokens) vocabulary.set(token, (vocabulary.get(token) ?? 0) + 1);
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
  const analyseTokens = (tokens: readonly string[]): Analysis => {
    const words = applySynonyms(tokens.map((token) => speller.correct(token))).map(canonical);
    const stems = words.map(stem);
    const features: string[] = [];
    for (let index = 0; index < stems.length; index++) {
      const current = stems[index] ?? '';
      const word = words[index] ?? '';
      features.push(`w:${current}`);
      const next = stems[index + 1];
      if (next !== undefined) features.push(`b:${current}_${next}`);
      if (letterTrigrams && word.length > 3) {
        const padded = `<${word}>`;
        for (let start = 0; start + 3 <= padded.length; start++) features.push(`c:${padded.slice(start, start + 3)}`);
      }
    }
    return { tokens, stems, features };
  };
  return { analyseTokens, analyse: (text) => analyseTokens(tokenise(text)) };
}
