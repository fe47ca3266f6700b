import type { SourceId } from './sources.js';

export interface Fact {
  readonly text: string;
  readonly source: SourceId;
}

export interface Milestone {
  readonly when: string;
  readonly what: string;
  readonly source: SourceId;
}

/** The direct answer, shown first: yes, it is mandatory, and what happened to people without it. */
export const WHY_ANSWER: Fact = {
  text: 'Yes, MFA is mandatory for NHSmail. People who had not set it up by 26 March 2025 lost access until they do.',
  source: 'hcpa-mfa',
};

export const WHAT_IS_MFA: readonly Fact[] = [
  {
    text: 'MFA (multi-factor authentication) adds a second check to your NHSmail account. As well as your email address and password, you prove it is you in a second way.',
    source: 'cpe-factsheet',
  },
  {
    text: 'That can be an app on your mobile phone, a text, a phone call, or a FIDO2 token (a small security key). Then only you can get in, even if someone finds out your password.',
    source: 'cpe-factsheet',
  },
];

export const WHY_IT_MATTERS: Fact = {
  text: 'MFA helps keep patient data private. It stops people getting into accounts they should not be in. Cyber attacks put patient safety and care at risk. MFA can prevent up to 80% of data breaches.',
  source: 'cpe-factsheet',
};

export const EIGHTY_PERCENT_NOTE: Fact = {
  text: 'The NHSmail FAQ gives the same 80% figure, from a 2020 Verizon report on data breaches. It also quotes Microsoft\'s 2022 figure that MFA can block 99% of attacks on accounts.',
  source: 'nhsmail-mfa-faqs',
};

export const BENEFITS: { readonly items: readonly string[]; readonly source: SourceId } = {
  items: [
    'Keeps patient data safe',
    'Helps you get back in if you forget your password',
    'Protects the good name of pharmacy and the NHS',
    'Better defence against cyber attacks',
    'Spots odd sign-in attempts',
  ],
  source: 'cpe-factsheet',
};

export const ROLLOUT: readonly Milestone[] = [
  { when: '29 August 2023', what: 'NHS England published its MFA policy.', source: 'dspt-news-134' },
  {
    when: '5 October 2023',
    what: 'New NHSmail users got MFA from the start. Pharmacy, optometry, dental and social care users were left out of this.',
    source: 'nhsmail-new-users-oct-2023',
  },
  { when: 'August 2024', what: 'The rollout of mandatory NHSmail MFA began.', source: 'cpe-factsheet' },
  {
    when: '19 August to 2 September 2024',
    what: 'For two weeks, a prompt asked people to set up MFA. They could snooze it. People who had not set it up by then got stricter rules: a password reset, 20-character passwords that expire every 90 days, and signing in again every 8 hours and each time the browser closes.',
    source: 'nw-knowledge-now',
  },
  {
    when: '26 March 2025',
    what: 'People who had not set up MFA lost access to NHSmail and Microsoft 365 until they do.',
    source: 'hcpa-mfa',
  },
];
