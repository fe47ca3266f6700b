import { describe, expect, it } from 'vitest';
import { tokenise } from '../../src/nlu/normalise.js';
import { createSpellingCorrector } from '../../src/nlu/spelling.js';
import { applySynonyms } from '../../src/nlu/synonyms.js';

describe('tokenise', () => {
  it('folds case, accents, curly quotes and contractions, and drops punctuation', () => {
    expect(tokenise('I’ve CAN’T café…  didnt, won’t!')).toEqual(['i', 'have', 'can', 'not', 'cafe', 'did', 'not', 'will', 'not']);
    expect(tokenise("what's the portal.nhs.net link?")).toEqual(['what', 'the', 'portal', 'nhs', 'net', 'link']);
  });
});

describe('synonyms', () => {
  it('rewrites the many names of one thing to one word, longest phrase first', () => {
    expect(applySynonyms(tokenise('2FA with a YubiKey via NHS mail'))).toEqual(['mfa', 'with', 'a', 'fido2', 'via', 'nhsmail']);
    expect(applySynonyms(tokenise('multi factor authentication by txt pls'))).toEqual(['mfa', 'by', 'text', 'please']);
    expect(applySynonyms(tokenise('where do I switch MFA on'))).toEqual(['where', 'do', 'i', 'enable', 'mfa']);
  });
});

describe('spelling correction', () => {
  const speller = createSpellingCorrector(
    new Map([
      ['authenticator', 5],
      ['receive', 3],
      ['phone', 9],
      ['code', 9],
      ['rejected', 2],
      ['registered', 1],
    ]),
  );

  it('fixes typos, transpositions and missing letters against known words', () => {
    expect(speller.correct('authenticater')).toBe('authenticator');
    expect(speller.correct('autheticator')).toBe('authenticator');
    expect(speller.correct('recieve')).toBe('receive');
    expect(speller.correct('phnoe')).toBe('phone');
    expect(speller.correct('rejectd')).toBe('rejected');
  });

  it('leaves known words, short words and far-off words alone', () => {
    expect(speller.correct('phone')).toBe('phone');
    expect(speller.correct('cod')).toBe('cod');
    expect(speller.correct('printer')).toBe('printer');
    expect(speller.correct('smartcard')).toBe('smartcard');
  });
});
