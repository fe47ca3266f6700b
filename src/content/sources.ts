/**
 * Every public document the bot's content is taken from. Each content item names one of these
 * ids, so a reviewer can check any sentence against its source and a card can show "Source: …".
 * URLs are exactly those named in ../shared/domain/facts.md and the CPE factsheet (with https://
 * added); a source that facts.md names without an address has an empty url. None is invented.
 */
export const SOURCES = {
  'cpe-factsheet': {
    title: 'Community Pharmacy England factsheet: NHSmail and multi-factor authentication',
    url: 'https://cpe.org.uk/mfa',
  },
  'nhsmail-mfa-faqs': {
    title: 'NHSmail support: MFA frequently asked questions',
    url: 'https://support.nhs.net/knowledge-base/mfa-frequently-asked-questions-faqs',
  },
  'nhsmail-mfa': {
    title: 'NHSmail support: multi-factor authentication (MFA)',
    url: 'https://support.nhs.net/knowledge-base/multi-factor-authentication-mfa/',
  },
  'nhsmail-mfa-guidance': {
    title: 'NHSmail support: MFA guidance',
    url: 'https://support.nhs.net/MFA',
  },
  'nhsmail-reenrol': {
    title: 'NHSmail support: re-enrolling multi-factor authentication',
    url: 'https://support.nhs.net/knowledge-base/re-enroling-multi-factor-authentication/',
  },
  'nhsmail-sspr': {
    title: 'NHSmail support: getting ready to use self-service password reset and unlock',
    url: 'https://support.nhs.net/knowledge-base/getting-ready-to-use-self-service-password-reset-and-unlock/',
  },
  'nhsmail-mfa-ca-faqs': {
    title: 'NHSmail support: MFA and conditional access FAQs',
    url: 'https://support.nhs.net/knowledge-base/mfa-ca-faqs',
  },
  'nhsmail-fido2-faqs': {
    title: 'NHSmail support: FIDO2 frequently asked questions',
    url: 'https://support.nhs.net/knowledge-base/fido2-frequently-asked-questions-faqs/',
  },
  'nhsmail-pods-exceptions': {
    title: 'NHSmail support: MFA short and long-term exceptions (PODS user guide)',
    url: 'https://support.nhs.net/knowledge-base/multi-factor-authentication-short-and-long-term-exceptions-pods-user-guide',
  },
  'nhsmail-new-users-oct-2023': {
    title: 'NHSmail support: MFA applied for new NHSmail users from 5 October 2023',
    url: 'https://support.nhs.net/knowledge-base/important-information-multi-factor-authentication-mfa-applied-for-new-nhsmail-users-from-5-october',
  },
  'nhsmail-outside-uk': {
    title: 'NHSmail support: information for NHSmail users working outside the UK',
    url: 'https://support.nhs.net/2023/02/information-nhsmail-users-working-outside-of-the-united-kingdom-uk',
  },
  'nhsmail-la-bulletin-dec-2022': {
    title: 'NHSmail Local Administrator bulletin, 19 December 2022 (number matching)',
    url: 'https://support.nhs.net',
  },
  'nhsmail-incident-procedure': {
    title: 'NHSmail support: incident procedure (NHSmail Helpdesk)',
    url: 'https://support.nhs.net',
  },
  'dspt-news-134': {
    title: 'Data Security and Protection Toolkit news 134: NHS England MFA policy (29 August 2023)',
    url: 'https://dsptoolkit.nhs.uk/News/134',
  },
  'nw-knowledge-now': {
    title: 'North West Knowledge Now: NHSmail MFA registration prompt',
    url: 'https://nwknowledgenow.nhs.uk/?p=5347',
  },
  'hcpa-mfa': {
    title: 'HCPA: important NHSmail multi-factor authentication (MFA) information',
    url: 'https://hcpa.info/digital/important-nhsmail-multi-factor-authentication-mfa',
  },
  'n3i-msauth': {
    title: 'MFA enrolment guide: Microsoft Authenticator',
    url: 'https://mfa.n3i.co.uk/enrolment-guides/msauth',
  },
  'n3i-sms': {
    title: 'MFA enrolment guide: text message',
    url: 'https://mfa.n3i.co.uk/enrolment-guides/sms',
  },
  'entra-number-match': {
    title: 'Microsoft Entra documentation: number matching in MFA notifications',
    url: '',
  },
  'entra-phone-options': {
    title: 'Microsoft Entra documentation: phone authentication options',
    url: '',
  },
  'ms-authenticator-faq': {
    title: 'Microsoft Authenticator FAQ',
    url: '',
  },
  'cp-staffs-stoke-nhsmail': {
    title: 'Community Pharmacy Staffordshire & Stoke: NHSmail resources',
    url: 'https://cpstaffsstoke.org.uk/resources/nhs-mail/',
  },
  general: {
    title: 'General advice about authenticator apps (not NHSmail policy)',
    url: '',
  },
} as const satisfies Record<string, { title: string; url: string }>;

export type SourceId = keyof typeof SOURCES;

/** A piece of content that names where it came from. */
export interface Sourced {
  readonly source: SourceId;
}

export function sourceTitle(id: SourceId): string {
  return SOURCES[id].title;
}
