import { describe, expect, it } from 'vitest';
import { detectSharedSecret } from '../../src/privacy/index.js';

const fires: [string, 'code' | 'password'][] = [
  ['123456', 'code'],
  ['  654321  ', 'code'],
  ['12345678', 'code'],
  ['1234567', 'code'],
  ['123 456', 'code'],
  ['1234 5678', 'code'],
  ['the code is 482 913 but it fails', 'code'],
  ['it says 009182 is wrong', 'code'],
  ['code:123456', 'code'],
  ['my number is 07700 900123 and the code 123456', 'code'],
  ['my password is Summer2024!', 'password'],
  ['My password is "horse battery"', 'password'],
  ['pw: hunter2', 'password'],
  ['pw = hunter2', 'password'],
  ['my code is 123-456', 'code'],
  ['password: sunshine', 'password'],
  ['pwd: Xy9!q', 'password'],
  ['my pin is 4821', 'password'],
  // issue 15, item 1: a password on its own, or after a bare word
  ['Word!Word77', 'password'],
  ['  Summer2024!  ', 'password'],
  ['iLoveMyDog8', 'password'],
  ['login Summer2024!', 'password'],
  ['pin 4821', 'password'],
  ['password “Tr1cky!”', 'password'],
  ['My password has been changed to kittens', 'password'],
  ['my login is Xy9#pq7', 'password'],
  // codes written the ways people copy them, and disguised
  ['73 91 04', 'code'],
  ['it says 73 91 04 now', 'code'],
  ['7-3-9-1-0-4', 'code'],
  ['7 3 9 1 0 4', 'code'],
  ['１２３４５６', 'code'],
  ['123\u200b456', 'code'],
  ['12\u2060345\u00ad6', 'code'],
  ['\ufeff654321', 'code'],
  // the edges of "looks like a password on its own"
  ['Abcdef1x', 'password'], // 8 characters: the shortest
  [`Ab1!${'x'.repeat(60)}`, 'password'], // 64: the longest
  ["ab'cde1X", 'password'], // an apostrophe inside is part of it
  ['Pass!http://Ab1', 'password'], // a link only counts at the start
  ['my password is iLoveDogs', 'password'], // a capital after a small letter
];

const silent: string[] = [
  'step 5',
  '192',
  'I am on step 12 of 15',
  '28/11/2026',
  '2026-11-28',
  '28.11.2026',
  'it happened on 28 November 2026 at 10:30',
  '10:30:15',
  '0333 200 1133',
  'call 0333 200 1133 please',
  '07700900123',
  '07700 900123',
  '+44 7700 900123',
  '+44 (0)20 7946 0018',
  '(01632) 960961',
  '9434765919',
  '943 476 5919',
  '943 476 5918',
  '12345',
  '123456789',
  '3.1415926',
  '£1,250,000',
  'pharmacy.FXY123456@nhs.net',
  'see https://support.nhs.net/knowledge-base/1234567',
  'my password is wrong',
  'my password is not working',
  'my password is complicated',
  'password: expired',
  'I forgot my password',
  'what is a PIN?',
  'I want to give feedback',
  'my password is 20 characters long',
  'the new password is 20 chars',
  'password: how do I change it?',
  'Password: help!',
  'my password is hard to remember',
  'pw: ok',
  'the password is 8',
  // issue 15: lone words that are not passwords, and numbers in links
  'authenticator',
  'NHSmail',
  'Brilliant!!!',
  'FB-7K3Q',
  'MS-Authenticator',
  'COVID-19',
  'feedback',
  'jane.doe@nhs.net',
  'https://support.nhs.net/knowledge-base/article/Abc123!x',
  'see http://example.com/page/1234567',
  'HTTP://EXAMPLE.COM/123456',
  'pin number?',
  'login page',
  'my login is jane.doe@nhs.net',
  'password manager',
  '943 4765 919',
  '943/476/5919',
  '10:30-11:00',
  'Abcde1x', // 7 characters
  `Ab1!${'x'.repeat(61)}`, // 65 characters
  '((Abcde1', // brackets around a word are not part of it
  'http://Example1!',
  'https://Example1!',
  'password: 128 characters',
  'password: 1234 chars or more',
  'password: xy', // too short to be one
  'my password was changed to xy',
  'password iLoveDogs', // after a bare word: needs a digit or a symbol
];

describe('detectSharedSecret', () => {
  it.each(fires)('fires on %j as %s', (text, kind) => {
    expect(detectSharedSecret(text)).toEqual({ kind });
  });

  it.each(silent)('stays quiet on %j', (text) => {
    expect(detectSharedSecret(text)).toBeNull();
  });
});
