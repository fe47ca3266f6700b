/**
 * Words too common to say anything about intent on their own. They still take part in word-pair
 * features ("no code", "not arrive"), and question words (what, why, how, when) and negations are
 * deliberately NOT here: they distinguish "what is MFA" from "why MFA" and "no code" from "code".
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'i', 'me', 'my', 'mine', 'we', 'us', 'our', 'you', 'your', 'it', 'its', 'this',
  'that', 'these', 'those', 'is', 'am', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does',
  'did', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'and', 'or', 'so', 'just', 'please', 'thanks',
  'there', 'here', 'some', 'any', 'about', 'from', 'by', 'as', 'if', 'then', 'than', 'too', 'very',
  'really', 'actually', 'also', 'ok', 'okay', 'oh', 'um', 'er', 'hmm',
]);
