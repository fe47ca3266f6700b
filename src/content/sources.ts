/**
 * Every public document the bot's content is taken from. Each content item names one of these
 * ids, so a reviewer can check any sentence against its source and a card can show "Source: …".
 * URLs are exactly those named in ../shared/domain/facts.md and the CPE factsheet (with https://
 * added); a source that facts.md names without an address of its own has an empty url (never the
 * bare support.nhs.net home page). None is invented. `short` is the name a card shows.
 *
 * The factsheet itself gives no address of its own: cpe.org.uk/mfa is one of its "Read more"
 * links, so it is a source of its own here ('cpe-mfa'), not the factsheet's address.
 */
export const SOURCES = {
  'cpe-factsheet': {
    title: 'Community Pharmacy England factsheet: NHSmail and multi-factor authentication',
    short: 'CPE factsheet',
    url: '',
  },
  'cpe-mfa': {
    title: 'Community Pharmacy England: NHSmail MFA',
    short: 'CPE: MFA',
    url: 'https://cpe.org.uk/mfa',
  },
  'cpe-nhsmail-faqs': {
    title: 'Community Pharmacy England: NHSmail FAQs',
    short: 'CPE: NHSmail FAQs',
    url: 'https://cpe.org.uk/nhsmailFAQs',
  },
  'cpe-nhsmail': {
    title: 'Community Pharmacy England: NHSmail',
    short: 'CPE: NHSmail',
    url: 'https://cpe.org.uk/nhsmail',
  },
  'nhsmail-mfa-faqs': {
    title: 'NHSmail support: MFA frequently asked questions',
    short: 'NHSmail MFA FAQs',
    url: 'https://support.nhs.net/knowledge-base/mfa-frequently-asked-questions-faqs',
  },
  'nhsmail-mfa': {
    title: 'NHSmail support: multi-factor authentication (MFA)',
    short: 'NHSmail MFA page',
    url: 'https://support.nhs.net/knowledge-base/multi-factor-authentication-mfa/',
  },
  'nhsmail-mfa-guidance': {
    title: 'NHSmail support: MFA guidance',
    short: 'NHSmail MFA guidance',
    url: 'https://support.nhs.net/MFA',
  },
  'nhsmail-reenrol': {
    title: 'NHSmail support: re-enrolling multi-factor authentication',
    short: 'NHSmail: re-enrolling',
    url: 'https://support.nhs.net/knowledge-base/re-enroling-multi-factor-authentication/',
  },
  'nhsmail-sspr': {
    title: 'NHSmail support: getting ready to use self-service password reset and unlock',
    short: 'NHSmail: password reset',
    url: 'https://support.nhs.net/knowledge-base/getting-ready-to-use-self-service-password-reset-and-unlock/',
  },
  'nhsmail-mfa-ca-faqs': {
    title: 'NHSmail support: MFA and conditional access FAQs',
    short: 'NHSmail MFA and CA FAQs',
    url: 'https://support.nhs.net/knowledge-base/mfa-ca-faqs',
  },
  'nhsmail-fido2-faqs': {
    title: 'NHSmail support: FIDO2 frequently asked questions',
    short: 'NHSmail FIDO2 FAQs',
    url: 'https://support.nhs.net/knowledge-base/fido2-frequently-asked-questions-faqs/',
  },
  'nhsmail-pods-exceptions': {
    title: 'NHSmail support: MFA short and long-term exceptions (PODS user guide)',
    short: 'NHSmail: exceptions (PODS)',
    url: 'https://support.nhs.net/knowledge-base/multi-factor-authentication-short-and-long-term-exceptions-pods-user-guide',
  },
  'nhsmail-new-users-oct-2023': {
    title: 'NHSmail support: MFA applied for new NHSmail users from 5 October 2023',
    short: 'NHSmail: new users, Oct 2023',
    url: 'https://support.nhs.net/knowledge-base/important-information-multi-factor-authentication-mfa-applied-for-new-nhsmail-users-from-5-october',
  },
  'nhsmail-outside-uk': {
    title: 'NHSmail support: information for NHSmail users working outside the UK',
    short: 'NHSmail: working outside the UK',
    url: 'https://support.nhs.net/2023/02/information-nhsmail-users-working-outside-of-the-united-kingdom-uk',
  },
  'nhsmail-la-bulletin-dec-2022': {
    title: 'NHSmail Local Administrator bulletin, 19 December 2022 (number matching), on support.nhs.net',
    short: 'NHSmail LA bulletin, Dec 2022',
    url: '',
  },
  'nhsmail-incident-procedure': {
    title: 'NHSmail support: incident procedure (NHSmail Helpdesk), on support.nhs.net',
    short: 'NHSmail incident procedure',
    url: '',
  },
  'dspt-news-134': {
    title: 'Data Security and Protection Toolkit news 134: NHS England MFA policy (29 August 2023)',
    short: 'DSPT news 134',
    url: 'https://dsptoolkit.nhs.uk/News/134',
  },
  'nw-knowledge-now': {
    title: 'North West Knowledge Now: NHSmail MFA registration prompt',
    short: 'North West Knowledge Now',
    url: 'https://nwknowledgenow.nhs.uk/?p=5347',
  },
  'hcpa-mfa': {
    title: 'HCPA: important NHSmail multi-factor authentication (MFA) information',
    short: 'HCPA',
    url: 'https://hcpa.info/digital/important-nhsmail-multi-factor-authentication-mfa',
  },
  'n3i-msauth': {
    title: 'MFA enrolment guide: Microsoft Authenticator',
    short: 'MFA guide: Authenticator',
    url: 'https://mfa.n3i.co.uk/enrolment-guides/msauth',
  },
  'n3i-sms': {
    title: 'MFA enrolment guide: text message',
    short: 'MFA guide: text message',
    url: 'https://mfa.n3i.co.uk/enrolment-guides/sms',
  },
  'entra-number-match': {
    title: 'Microsoft Entra documentation: number matching in MFA notifications',
    short: 'Microsoft Entra docs',
    url: '',
  },
  'entra-phone-options': {
    title: 'Microsoft Entra documentation: phone authentication options',
    short: 'Microsoft Entra docs',
    url: '',
  },
  'ms-authenticator-faq': {
    title: 'Microsoft Authenticator FAQ',
    short: 'Microsoft Authenticator FAQ',
    url: '',
  },
  'cp-staffs-stoke-nhsmail': {
    title: 'Community Pharmacy Staffordshire & Stoke: NHSmail resources',
    short: 'CP Staffs & Stoke',
    url: 'https://cpstaffsstoke.org.uk/resources/nhs-mail/',
  },
  general: {
    title: 'General advice about authenticator apps and account security (not NHSmail policy)',
    short: 'general advice (not NHSmail policy)',
    url: '',
  },
} as const satisfies Record<string, { title: string; short: string; url: string }>;

export type SourceId = keyof typeof SOURCES;

/** A piece of content that names where it came from. */
export interface Sourced {
  readonly source: SourceId;
}

export function sourceTitle(id: SourceId): string {
  return SOURCES[id].title;
}

/** The short name a card shows for a source. */
export function sourceShort(id: SourceId): string {
  return SOURCES[id].short;
}
