/** Characters that show as nothing but split a token: zero-width space/joiners, word joiner, BOM, soft hyphen, Mongolian vowel separator. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/gu;

/**
 * The form every privacy rule reads: NFKC (full-width "１２３４５６" becomes "123456", ligatures
 * and compatibility forms become plain letters) with invisible characters removed, so a code or
 * password cannot slip past the patterns by how it is written.
 */
export function normaliseForPrivacy(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '');
}
