import { describe, expect, it } from 'vitest';
import { detectSharedSecret, scrubText } from '../../src/privacy/index.js';

/**
 * Words that describe a password rather than being one: after a password phrase none of them is
 * taken for a password, even quoted ("my password is 'expired'"). Listed here one by one so that
 * dropping any of them from the privacy rules is noticed (mutation testing).
 */
const DESCRIBING: readonly string[] = [
  'a', 'about', 'above', 'accepted', 'again', 'also', 'always', 'an', 'and', 'any', 'as', 'at', 'because',
  'been', 'being', 'below', 'blank', 'blocked', 'but', 'can', "can't", 'cannot', 'case', 'case-sensitive',
  'change', 'changed', 'changing', 'correct', 'could', 'definitely', 'details', 'did', "didn't", 'different',
  'difficult', 'do', 'does', "doesn't", "don't", 'due', 'each', 'easy', 'empty', 'every', 'expire', 'expired',
  'expires', 'expiring', 'fine', 'for', 'forgotten', 'going', 'hard', 'help', 'her', 'here', 'his', 'how',
  'i', "i'm", 'im', 'impossible', 'in', 'incorrect', 'invalid', 'is', "isn't", 'issue', 'issues', 'it',
  'just', 'keeps', 'kept', 'length', 'locked', 'long', 'lost', 'manager', 'mine', 'missing', 'my', 'needed',
  'never', 'new', 'no', 'none', 'not', 'nothing', 'now', 'of', 'ok', 'okay', 'old', 'on', 'one', 'only', 'or',
  'our', 'page',  'please', 'policy', 'problem', 'problems', 'question',
  'random', 'really', 'rejected', 'required', 'requirements', 'reset', 'right', 'rules', 'same', 'saved',
  'screen', 'see', 'set', 'short', 'should', 'so', 'something', 'still', 'stored', 'strong', 'temporary',
  'that', 'the', 'their', 'there', 'this', 'to', 'too', 'unknown', 'valid', 'very', 'was', "wasn't", 'weak',
  'what', 'when', 'where', 'which', 'who', 'why', 'will', "won't", 'working', 'would', 'wrong', 'your',
  'yours',
];

describe('describing a password is not a password', () => {
  it.each(DESCRIBING)('my password is "%s"', (word) => {
    const text = `my password is "${word}"`;
    expect(scrubText(text)).toEqual({ text, removed: [] });
    expect(detectSharedSecret(text)).toBeNull();
  });

  it('a quoted word that is not one of them is a password', () => {
    expect(scrubText('my password is "sunshine"').removed).toEqual(['password']);
  });
});
