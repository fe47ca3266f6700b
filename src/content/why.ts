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

export const WHAT_IS_MFA: readonly Fact[] = [
  {
    text: 'NHSmail multi-factor authentication (MFA) adds an extra layer of security to your account. As well as your email address and password, you use a second form of authentication.',
    source: 'cpe-factsheet',
  },
  {
    text: 'That second form can be an authentication app on your mobile phone, a text message, a phone call, or a FIDO2 token. It means only you can get into your account, even if someone finds out your password.',
    source: 'cpe-factsheet',
  },
];

export const WHY_IT_MATTERS: Fact = {
  text: 'MFA helps protect patient privacy by stopping unauthorised access to NHSmail accounts. Cyberattacks put patient safety and care at risk. Enabling MFA can prevent up to 80% of data breaches.',
  source: 'cpe-factsheet',
};

export const EIGHTY_PERCENT_NOTE: Fact = {
  text: 'The NHSmail FAQ quotes the same 80% figure (from the Verizon Data Breach Investigations Report 2020), and Microsoft\'s 2022 figure that 99% of account compromises can be blocked by MFA.',
  source: 'nhsmail-mfa-faqs',
};

export const BENEFITS: { readonly items: readonly string[]; readonly source: SourceId } = {
  items: [
    'Safeguarding patient data',
    'Helping you regain access if you forget your password',
    'Protecting the reputation of pharmacy and the NHS',
    'Better defence against cyber attacks',
    'Monitoring unusual login attempts',
  ],
  source: 'cpe-factsheet',
};

export const ROLLOUT: readonly Milestone[] = [
  { when: '29 August 2023', what: 'NHS England published its MFA policy.', source: 'dspt-news-134' },
  {
    when: '5 October 2023',
    what: 'New NHSmail users got MFA by default (pharmacy, optometry, dental and social care users excepted).',
    source: 'nhsmail-new-users-oct-2023',
  },
  { when: 'August 2024', what: 'The rollout of mandatory NHSmail MFA began.', source: 'cpe-factsheet' },
  {
    when: '19 August – 2 September 2024',
    what: 'A registration prompt ran that could be snoozed for two weeks. People not enrolled by then moved to a stricter policy: a password reset, 20-character passwords that expire every 90 days, and signing in again whenever the browser closes and every 8 hours.',
    source: 'nw-knowledge-now',
  },
  {
    when: '26 March 2025',
    what: 'Users not enrolled by this date lost access to NHSmail and Microsoft 365 until they enrol.',
    source: 'hcpa-mfa',
  },
];
