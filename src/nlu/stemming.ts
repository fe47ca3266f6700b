import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

/** Porter stem of one lower-case word ("enrolling" → "enrol", "texts" → "text"), memoised. */
export function createStemmer(cacheSize = 5000): (word: string) => string {
  const cache = new Map<string, string>();
  return (word: string): string => {
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    const stem = /^[a-z]+$/.test(word) ? PorterStemmer.stem(word) : word;
    if (cache.size >= cacheSize) cache.clear();
    cache.set(word, stem);
    return stem;
  };
}
