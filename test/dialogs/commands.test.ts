import { describe, expect, it } from 'vitest';
import { closingWords, globalCommand, isThanks } from '../../src/dialogs/commands.js';

describe('words that work anywhere', () => {
  it.each([
    'carry on',
    'Carry on please',
    "ok let's carry on",
    'keep going',
    'go on then',
    'where was I?',
    'where were we',
    'back to where I was',
    'can we pick up where we left off',
    'continue with setup',
    'carry on setting up',
    'resume set-up',
    'back to set up',
    "I'd like to finish setting up",
  ])('"%s" resumes', (text) => {
    expect(globalCommand(text)).toBe('continue');
  });

  it('keeps the other commands as they were, polite words or not', () => {
    expect(globalCommand('start again')).toBe('menu');
    expect(globalCommand('stop please')).toBe('cancel');
    expect(globalCommand('help me')).toBe('help');
    expect(globalCommand('hello')).toBe('greeting');
  });

  it('does not take a question that merely contains the words for a command', () => {
    expect(globalCommand('how do i carry on using nhsmail abroad')).toBeUndefined();
    expect(globalCommand('go on the portal')).toBeUndefined();
    expect(globalCommand('yes')).toBeUndefined();
  });
});

describe('a thank-you', () => {
  it.each(['thanks', 'Thank you!', 'ok thanks', 'brilliant, thank you so much x', 'cheers', 'ta', 'thanks bye', 'Thanks for your help', 'great thanks again', 'many thanks'])(
    '"%s" is a thank-you',
    (text) => {
      expect(isThanks(text)).toBe(true);
    },
  );

  it.each(['thanks but my code still does not work', 'no thanks', 'thank you for the text but it never came', 'what is mfa', ''])('"%s" is not just a thank-you', (text) => {
    expect(isThanks(text)).toBe(false);
  });
});

describe('words that close a topic', () => {
  it.each([
    ['thanks', 'thanks'],
    ['great, thanks!', 'thanks'],
    ['that worked', 'pleased'],
    ['Perfect!', 'pleased'],
    ['all sorted now', 'pleased'],
    ['ok', 'acknowledged'],
    ['got it', 'acknowledged'],
    ['bye', 'goodbye'],
    ["ok that's all thanks", 'goodbye'],
  ] as const)('"%s" is %s', (text, closing) => {
    expect(closingWords(text)).toBe(closing);
  });

  it.each(['yes', 'no', 'ok but my code still does not work', 'that worked on my old phone but not the new one', 'done that, now what', 'what is mfa'])('"%s" is left to the rest of the bot', (text) => {
    expect(closingWords(text)).toBeUndefined();
  });
});
