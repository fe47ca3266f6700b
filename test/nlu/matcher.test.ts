import { describe, expect, it } from 'vitest';
import type { ExampleSet } from '../../src/content/intents/types.js';
import { INTENT_IDS } from '../../src/nlu/intents.js';
import { createMatcher } from '../../src/nlu/matcher.js';

const matcher = createMatcher();

describe('the matcher with the bot content', () => {
  it.each([
    ['my code keeps getting rejected', 'trouble.code_rejected'],
    ['got a new phone', 'trouble.new_phone'],
    ['do I have to put a work app on my own mobile', 'trouble.no_smartphone'],
    ['where do I switch MFA on', 'enrol.how'],
    ['can number matching be turned off', 'signin.number_match'],
  ])('understands %j', (text, intent) => {
    expect(matcher.match(text).intent).toBe(intent);
  });

  it.each([
    ['how do i enrole for multifactor authentification', 'enrol.how'],
    ['my authenticater code is rejectd', 'trouble.code_rejected'],
    ['i recieved no txt msg', 'trouble.no_code'],
    ['wat is 2FA', 'about.what'],
    ['I’ve LOST my phone!!!', 'trouble.new_phone'],
  ])('tolerates typos, text-speak and punctuation: %j', (text, intent) => {
    expect(matcher.match(text).intent).toBe(intent);
  });

  it.each(['what is the wifi password', 'how do I renew my smartcard', 'book me a flu jab'])(
    'says none to %j, which is outside what it knows',
    (text) => {
      const result = matcher.match(text);
      expect(result.intent).toBe('none');
      expect(result.ambiguous).toBe(false);
    },
  );

  it('says none, with no candidates, when nothing in the text is recognised', () => {
    for (const text of ['', '   ', 'qwxz vbnm', '!!!']) {
      const result = matcher.match(text);
      expect(result).toEqual({ intent: 'none', confidence: 1, candidates: [], ambiguous: false, suggestions: [] });
    }
  });

  it('gives up to three in-scope candidates, best first, with probabilities', () => {
    const result = matcher.match('the text with my code never came');
    expect(result.candidates.length).toBe(3);
    expect(result.candidates[0]?.intent).toBe(result.intent);
    // The reported confidence is the conservative estimate; candidates carry the plain probabilities.
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(result.candidates[0]?.confidence ?? 0);
    const confidences = result.candidates.map((candidate) => candidate.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    for (const candidate of result.candidates) {
      expect(candidate.intent).not.toBe('none');
      expect(INTENT_IDS).toContain(candidate.intent);
      expect(candidate.confidence).toBeGreaterThan(0);
      expect(candidate.confidence).toBeLessThanOrEqual(1);
    }
    expect(confidences.reduce((sum, value) => sum + value, 0)).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('is confident and not ambiguous when the question is clear', () => {
    const result = matcher.match('how do I switch on MFA on the NHSmail portal');
    expect(result.intent).toBe('enrol.how');
    expect(result.confidence).toBeGreaterThan(0.8);
    expect(result.ambiguous).toBe(false);
  });

  it('gives the same answers every time it is built (training is deterministic)', () => {
    const again = createMatcher();
    for (const text of ['help', 'new phone no code', 'is it mandatory', 'hello']) {
      expect(again.match(text)).toEqual(matcher.match(text));
    }
  });

  it('reports the calibration it chose on the tuning data', () => {
    expect(matcher.calibration.threshold).toBeGreaterThan(0);
    expect(matcher.calibration.threshold).toBeLessThan(1);
    expect(matcher.calibration.temperature).toBeGreaterThan(0);
  });
});

describe('the matcher when two intents are close', () => {
  const training: ExampleSet = {
    intents: {
      'methods.sms': ['sms please', 'sms option', 'sms setup'],
      'trouble.no_code': ['missing code', 'code not arrived', 'code never came'],
      'chat.greeting': ['hello', 'hi there', 'good morning'],
    },
    none: ['weather today', 'printer jammed', 'book a taxi', 'smartcard locked'],
  };
  // The decision rule alone: the in-scope detector learns nothing useful from a dozen examples, and
  // a dozen examples need more passes than the real set for one intent to stand out clearly.
  const small = createMatcher({
    training,
    tuning: training,
    settings: { threshold: 0.3, temperature: 1, scopeDetector: false, epochs: 20 },
  });

  it('flags a question that fits both as ambiguous, offering both', () => {
    const result = small.match('sms code');
    expect(result.ambiguous).toBe(true);
    expect(result.candidates.slice(0, 2).map((candidate) => candidate.intent).sort()).toEqual([
      'methods.sms',
      'trouble.no_code',
    ]);
  });

  it('does not flag a question that clearly fits one', () => {
    const result = small.match('hello there');
    expect(result.intent).toBe('chat.greeting');
    expect(result.ambiguous).toBe(false);
  });
});

describe('a question it cannot place', () => {
  it('still offers the topic it came closest to, when that topic is likely enough', () => {
    const result = matcher.match('is it needed on my hols');
    expect(result.intent).toBe('none');
    expect(result.suggestions[0]).toBe('travel.abroad');
  });

  it('offers nothing for a question far from every topic, and nothing with an answer', () => {
    expect(matcher.match('what time does the pharmacy open on sunday').suggestions).toEqual([]);
    expect(matcher.match('my code keeps getting rejected').suggestions).toEqual([]);
  });

  it('offers at most two topics, each at least the floor likely', () => {
    const floor = matcher.calibration.suggestFloor;
    for (const text of ['mfa and my smartwatch', 'can i use my ipad', 'keys', 'the code', 'my boss wants to know about it']) {
      const result = matcher.match(text);
      expect(result.suggestions.length).toBeLessThanOrEqual(2);
      for (const intent of result.suggestions) {
        expect(result.candidates.find((c) => c.intent === intent)?.confidence ?? 0).toBeGreaterThanOrEqual(floor);
      }
    }
  });
});
