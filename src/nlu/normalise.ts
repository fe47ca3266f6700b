/**
 * Turns what someone typed into plain lower-case word tokens: accents and curly quotes folded,
 * contractions expanded ("can't" → "can not", "didnt" → "did not"), punctuation dropped.
 */

const CONTRACTIONS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["can't", ['can', 'not']],
  ['cant', ['can', 'not']],
  ['cannot', ['can', 'not']],
  ["won't", ['will', 'not']],
  ['wont', ['will', 'not']],
  ["shan't", ['shall', 'not']],
  ["i'm", ['i', 'am']],
  ['im', ['i', 'am']],
  ["i've", ['i', 'have']],
  ['ive', ['i', 'have']],
  ["i'll", ['i', 'will']],
  ["i'd", ['i', 'would']],
  ["let's", ['let', 'us']],
]);

/** Words people write without the apostrophe: "dont", "didnt", "isnt"… */
const BARE_NOT = new Set([
  'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'havent', 'hasnt', 'hadnt',
  'couldnt', 'wouldnt', 'shouldnt', 'mustnt', 'neednt',
]);

/** Lower-case, fold accents and typographic quotes, collapse spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function expandWord(word: string): readonly string[] {
  const whole = CONTRACTIONS.get(word);
  if (whole) return whole;
  if (BARE_NOT.has(word)) return [word.slice(0, -2), 'not'];
  if (word.endsWith("n't")) return [word.slice(0, -3), 'not'];
  if (word.endsWith("'re")) return [word.slice(0, -3), 'are'];
  if (word.endsWith("'ve")) return [word.slice(0, -3), 'have'];
  if (word.endsWith("'ll")) return [word.slice(0, -3), 'will'];
  if (word.endsWith("'s")) return [word.slice(0, -2)];
  return [word];
}

/** Split normalised text into word tokens (letters and digits), contractions expanded. */
export function tokenise(text: string): string[] {
  const tokens: string[] = [];
  for (const chunk of normaliseText(text).split(/[^a-z0-9']+/)) {
    // Most words have no apostrophe: skip the regular expression and the split for them.
    const word = chunk.includes("'") ? chunk.replace(/^'+|'+$/g, '') : chunk;
    if (word === '') continue;
    for (const part of expandWord(word)) {
      const pieces = part.includes("'") ? part.split("'") : [part];
      for (const piece of pieces) if (piece !== '') tokens.push(piece);
    }
  }
  return tokens;
}
