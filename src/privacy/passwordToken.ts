/** Quotes and brackets before a word, and quotes, brackets, sentence punctuation and "=" (as in "pw=") after it. */
const WRAPPING = /^["'“‘(]+|["'”’.,;:!?)=]+$/gu;

/**
 * Whether one word, with no password phrase around it, looks like a password: 8 to 64 characters
 * with no spaces (sentence punctuation around it aside), and at least three of small letters,
 * capitals, digits and symbols. So "Word!Word77", "Summer2024!" and "iPhone15" count, and
 * "authenticator", "NHSmail", "Brilliant!!!", "FB-7K3Q", "MS-Authenticator", "COVID-19", dates and
 * times do not: hyphens, apostrophes, full stops, commas, colons, slashes and brackets are not
 * counted as symbols, because ordinary words, references, dates and times hold them. Email and web
 * addresses are never passwords here (the scrubber has rules of its own for them).
 */
export function looksLikePassword(token: string): boolean {
  const word = token.replace(WRAPPING, '');
  if (word.length < 8 || word.length > 64 || /\s/u.test(word)) return false;
  if (word.includes('@') || /^(?:https?:\/\/|www\.)/iu.test(word)) return false;
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{L}\p{N}\-'’.,:/()[\]]/u].filter((re) => re.test(word)).length;
  return classes >= 3;
}
