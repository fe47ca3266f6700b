import { describe, expect, it } from 'vitest';
import { describeRemoved, isValidNhsNumber, scrubText, type RemovedKind } from '../../src/privacy/index.js';

describe('isValidNhsNumber (Modulus 11)', () => {
  it.each([
    ['9434765919', true],
    ['943 476 5919', true],
    ['943-476-5919', true],
    ['4010232137', true],
    ['9434765918', false], // wrong check digit
    ['4010232138', false],
    ['1000000010', false], // check digit would be 10: never valid
    ['943476591', false], // nine digits
    ['94347659199', false], // eleven digits
    ['94347a5919', false],
  ])('%s → %s', (input, valid) => {
    expect(isValidNhsNumber(input)).toBe(valid);
  });
});

interface Case {
  readonly input: string;
  readonly expected: string;
  readonly removed: RemovedKind[];
  readonly keepEmail?: string;
}

const cases: Case[] = [
  // passwords
  { input: 'my password is Summer2024!', expected: 'my password is [password removed]', removed: ['password'] },
  { input: 'My Password is Tr0ub4dor&3 and it fails', expected: 'My Password is [password removed] and it fails', removed: ['password'] },
  { input: 'pw: hunter2', expected: 'pw: [password removed]', removed: ['password'] },
  { input: 'password: sunshine', expected: 'password: [password removed]', removed: ['password'] },
  { input: 'Password=Abc!def', expected: 'Password=[password removed]', removed: ['password'] },
  { input: 'pwd = letmein99', expected: 'pwd = [password removed]', removed: ['password'] },
  { input: 'my password is "correct horse battery"', expected: 'my password is [password removed]', removed: ['password'] },
  { input: 'the password was changed to NewPass#1 yesterday', expected: 'the password was changed to [password removed] yesterday', removed: ['password'] },
  { input: 'my PIN is 4821', expected: 'my PIN is [password removed]', removed: ['password'] },
  { input: "password's now BlueSky77", expected: "password's now [password removed]", removed: ['password'] },
  // describing a password is not a password
  { input: 'my password is wrong', expected: 'my password is wrong', removed: [] },
  { input: 'my password is not working!', expected: 'my password is not working!', removed: [] },
  { input: 'password is expired and I am locked out', expected: 'password is expired and I am locked out', removed: [] },
  { input: 'the password is complicated', expected: 'the password is complicated', removed: [] },
  { input: 'password: expired', expected: 'password: expired', removed: [] },
  { input: 'I forgot my password yesterday', expected: 'I forgot my password yesterday', removed: [] },
  { input: 'my password is 20 characters long', expected: 'my password is 20 characters long', removed: [] },
  { input: 'password: how do I change it?', expected: 'password: how do I change it?', removed: [] },
  // codes
  { input: 'the code 123456 was refused', expected: 'the code [code removed] was refused', removed: ['code'] },
  { input: 'it said 12345678', expected: 'it said [code removed]', removed: ['code'] },
  { input: 'app shows 123 456 then 654 321', expected: 'app shows [code removed] then [code removed]', removed: ['code', 'code'] },
  { input: 'code 1234 5678', expected: 'code [code removed]', removed: ['code'] },
  { input: 'Hi,123456', expected: 'Hi,[code removed]', removed: ['code'] },
  { input: 'step 5 of 12, took 192 seconds', expected: 'step 5 of 12, took 192 seconds', removed: [] },
  { input: 'on 28/11/2026 at 10:30', expected: 'on 28/11/2026 at 10:30', removed: [] },
  { input: 'since 2026-11-28', expected: 'since 2026-11-28', removed: [] },
  { input: 'pi is 3.1415926', expected: 'pi is 3.1415926', removed: [] },
  { input: '12345 is five digits', expected: '12345 is five digits', removed: [] },
  { input: '123456789 is nine digits', expected: '123456789 is nine digits', removed: [] },
  // phone numbers
  { input: 'call me on 07700 900123', expected: 'call me on [phone number removed]', removed: ['phone'] },
  { input: 'mobile 07700900123.', expected: 'mobile [phone number removed].', removed: ['phone'] },
  { input: 'ring +44 7700 900123', expected: 'ring [phone number removed]', removed: ['phone'] },
  { input: 'ring +447700900123', expected: 'ring [phone number removed]', removed: ['phone'] },
  { input: 'ring +44 (0)20 7946 0018', expected: 'ring [phone number removed]', removed: ['phone'] },
  { input: 'office (01632) 960961', expected: 'office [phone number removed]', removed: ['phone'] },
  { input: 'helpdesk 0333 200 1133', expected: 'helpdesk [phone number removed]', removed: ['phone'] },
  { input: 'try 020-7946-0018', expected: 'try [phone number removed]', removed: ['phone'] },
  { input: '0044 20 7946 0018', expected: '[phone number removed]', removed: ['phone'] },
  // emails
  { input: 'write to jane.doe@nhs.net please', expected: 'write to [email removed] please', removed: ['email'] },
  { input: 'me: jane.doe@nhs.net, boss: BOSS@nhs.net', expected: 'me: jane.doe@nhs.net, boss: [email removed]', removed: ['email'], keepEmail: 'Jane.Doe@NHS.net' },
  { input: 'pharmacy.FXY12@nhs.net shared box', expected: '[email removed] shared box', removed: ['email'] },
  // NHS numbers
  { input: 'patient 943 476 5919 called', expected: 'patient [NHS number removed] called', removed: ['nhs-number'] },
  { input: 'patient 9434765919', expected: 'patient [NHS number removed]', removed: ['nhs-number'] },
  { input: 'patient 401-023-2137', expected: 'patient [NHS number removed]', removed: ['nhs-number'] },
  { input: 'not one: 943 476 5918', expected: 'not one: 943 476 5918', removed: [] },
  { input: 'not one: 9434765918', expected: 'not one: 9434765918', removed: [] },
  // issue 15, items 1, 2 and 2b
  { input: 'Word!Word77', expected: '[password removed]', removed: ['password'] },
  { input: 'login Summer2024!', expected: 'login [password removed]', removed: ['password'] },
  { input: 'pin 4821', expected: 'pin [password removed]', removed: ['password'] },
  {
    input: 'my password is Winter2024! and I use Summer2025! for the other one',
    expected: 'my password is [password removed] and I use [password removed] for the other one',
    removed: ['password', 'password'],
  },
  {
    input: 'password: Abc123!x, the old one was Qwerty#2023.',
    expected: 'password: [password removed] the old one was [password removed].',
    removed: ['password', 'password'],
  },
  { input: 'My password has been changed to kittens', expected: 'My password has been changed to [password removed]', removed: ['password'] },
  { input: 'my password has been changed to Winter#2025', expected: 'my password has been changed to [password removed]', removed: ['password'] },
  { input: 'my password was changed to something else', expected: 'my password was changed to something else', removed: [] },
  { input: 'my password is “Summer 2024”', expected: 'my password is [password removed]', removed: ['password'] },
  { input: 'password ‘hunter two’ is wrong', expected: 'password [password removed] is wrong', removed: ['password'] },
  { input: 'password “Tr1cky!”', expected: 'password [password removed]', removed: ['password'] },
  { input: 'the password ‘reset’ button', expected: 'the password ‘reset’ button', removed: [] },
  { input: 'call 07700 900123 or 07700 900456', expected: 'call [phone number removed] or [phone number removed]', removed: ['phone', 'phone'] },
  { input: 'code 73 91 04 then 7-3-9-1-0-4', expected: 'code [code removed] then [code removed]', removed: ['code', 'code'] },
  { input: 'code １２３４５６ and 123\u200b456', expected: 'code [code removed] and [code removed]', removed: ['code', 'code'] },
  { input: 'patient 943 4765 919 and 943/476/5919', expected: 'patient [NHS number removed] and [NHS number removed]', removed: ['nhs-number', 'nhs-number'] },
  { input: 'see http://example.com/page/1234567 and https://x.org/?id=123456', expected: 'see http://example.com/page/1234567 and https://x.org/?id=123456', removed: [] },
  { input: 'me: jane.doe123456@nhs.net', expected: 'me: jane.doe123456@nhs.net', removed: [], keepEmail: 'jane.doe123456@nhs.net' },
  { input: 'Brilliant!!! Thanks, NHSmail and MS-Authenticator on iOS 17.2 work', expected: 'Brilliant!!! Thanks, NHSmail and MS-Authenticator on iOS 17.2 work', removed: [] },
  { input: 'password: 128 characters', expected: 'password: 128 characters', removed: [] },
  { input: 'patient 1234567830', expected: 'patient [NHS number removed]', removed: ['nhs-number'] },
  // mixtures
  {
    input: 'pw: Xy9!q, code 246810, mobile 07700 900123, email a@b.co, NHS 9434765919',
    expected: 'pw: [password removed] code [code removed], mobile [phone number removed], email [email removed], NHS [NHS number removed]',
    removed: ['password', 'email', 'nhs-number', 'phone', 'code'],
  },
];

describe('scrubText', () => {
  it.each(cases)('$input', ({ input, expected, removed, keepEmail }) => {
    const result = scrubText(input, keepEmail === undefined ? {} : { keepEmail });
    expect(result.text).toBe(expected);
    expect(result.removed).toEqual(removed);
  });

  it('leaves ordinary feedback alone', () => {
    const text = 'The app set-up was easy, but texts take 5 minutes to arrive. 4 out of 5!';
    expect(scrubText(text)).toEqual({ text, removed: [] });
  });
});

describe('describeRemoved', () => {
  it.each<[RemovedKind[], string]>([
    [[], ''],
    [['code'], 'To keep you safe, I removed a verification code from your message before saving it.'],
    [['code', 'code'], 'To keep you safe, I removed 2 verification codes from your message before saving it.'],
    [
      ['phone', 'password', 'email'],
      'To keep you safe, I removed a password, an email address and a phone number from your message before saving it.',
    ],
    [['nhs-number'], 'To keep you safe, I removed an NHS number from your message before saving it.'],
    [['password', 'password'], 'To keep you safe, I removed 2 passwords from your message before saving it.'],
    [['phone', 'phone', 'nhs-number', 'nhs-number'], 'To keep you safe, I removed 2 NHS numbers and 2 phone numbers from your message before saving it.'],
    [['email', 'email', 'code'], 'To keep you safe, I removed 2 email addresses and a verification code from your message before saving it.'],
  ])('%j', (removed, sentence) => {
    expect(describeRemoved(removed)).toBe(sentence);
  });
});

describe('scrubText is idempotent', () => {
  it.each(cases)('scrubbing the result of $input again changes nothing', ({ input, keepEmail }) => {
    const opts = keepEmail === undefined ? {} : { keepEmail };
    const once = scrubText(input, opts).text;
    expect(scrubText(once, opts)).toEqual({ text: once, removed: [] });
  });
});

describe('scrubText says how many passwords it removed (issue 15, item 2)', () => {
  it('a second password in feedback is removed and counted', () => {
    const { text, removed } = scrubText('my password is Winter2024! and I use Summer2025! for the other one');
    expect(text).not.toMatch(/Winter2024|Summer2025/);
    expect(describeRemoved(removed)).toBe('To keep you safe, I removed 2 passwords from your message before saving it.');
  });
});
