import { describe, expect, it } from 'vitest';
import { setCourtesiesAside } from '../../src/nlu/courtesies.js';
import { createMatcher } from '../../src/nlu/matcher.js';

/** A stand-in for the matcher's own judgement of a part: small talk when it is one of these. */
const SMALL = new Set(['hi', 'good morning', 'good morning, hope you are well.', 'hope you are well.', 'thanks so much!', 'cheers', 'sorry to bother you,']);
const isSmallTalk = (part: string): boolean => SMALL.has(part.toLowerCase());

describe('setting courtesies aside', () => {
  it.each([
    ['hi can i use a text instead', 'can i use a text instead'],
    ['Good morning, hope you are well. Can I use a text instead?', 'Can I use a text instead?'],
    ['hi sorry to bother you, my code is refused. thanks so much!', 'my code is refused.'],
    ['how do i set up mfa? cheers', 'how do i set up mfa?'],
  ])('%j → %j', (text, rest) => {
    expect(setCourtesiesAside(text, isSmallTalk)).toBe(rest);
  });

  it('leaves a message with no courtesy alone', () => {
    expect(setCourtesiesAside('my code is refused, what now?', isSmallTalk)).toBeUndefined();
  });

  it('keeps at least two words: a greeting is not cut down to nothing', () => {
    expect(setCourtesiesAside('hi there', isSmallTalk)).toBeUndefined();
    expect(setCourtesiesAside('good morning', isSmallTalk)).toBeUndefined();
  });

  it('does not try a long part as a courtesy, so a long message costs only a few readings', () => {
    const asked: string[] = [];
    const text = `${'one two three, '.repeat(200)}what is mfa`;
    setCourtesiesAside(text, (part) => (asked.push(part), false));
    expect(asked.length).toBeLessThanOrEqual(12);
    expect(Math.max(...asked.map((p) => p.split(' ').length))).toBeLessThanOrEqual(12);
  });
  it('sets aside at most three courtesies at each end, however many there are', () => {
    let asked = 0;
    const rest = setCourtesiesAside(`${'hi '.repeat(1000)}what is mfa`, (part) => (asked++, part === 'hi'));
    expect(rest).toBe(`${'hi '.repeat(997)}what is mfa`);
    expect(asked).toBeLessThanOrEqual(10);
  });
});

describe('the matcher and a question wrapped in courtesies', () => {
  const matcher = createMatcher();
  const plain = createMatcher({ settings: { setCourtesiesAside: false } });

  it.each([
    ['good morning, hope you are well. can i use a text instead of the app?', 'can i use a text instead of the app?'],
    ['hello there! my authenticator code keeps getting rejected', 'my authenticator code keeps getting rejected'],
    ['hiya, how do i set up mfa on my nhsmail?', 'how do i set up mfa on my nhsmail?'],
  ])('answers %j as the question alone, not as a hello', (wrapped, question) => {
    const alone = matcher.match(question);
    expect(alone.intent).not.toBe('none');
    expect(matcher.match(wrapped).intent).toBe(alone.intent);
  });

  it('without it, the first of those was answered as a greeting (the failure this fixes)', () => {
    expect(plain.match('good morning, hope you are well. can i use a text instead of the app?').intent).toBe('chat.greeting');
  });

  it.each(['hello', 'hi, hope you are well', 'good morning!'])('still greets %j', (text) => {
    expect(matcher.match(text).intent).toBe('chat.greeting');
  });

  it('a greeting before a question it does not know gets the honest none, not a hello', () => {
    const wrapped = 'good morning, hope you are well. who do i ask about my payslip';
    expect(matcher.match('who do i ask about my payslip').intent).toBe('none');
    expect(plain.match(wrapped).intent).toBe('chat.greeting');
    expect(matcher.match(wrapped).intent).toBe('none');
  });
});
