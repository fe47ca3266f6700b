import type { SourceId } from './sources.js';

/**
 * Every contact detail the bot gives, in one place, so an organisation can change them.
 * Values come from ../shared/domain/facts.md and the CPE factsheet.
 */
export interface Contacts {
  readonly helpdesk: { readonly name: string; readonly phone: string; readonly email: string; readonly hours: string; readonly source: SourceId };
  readonly localAdmin: { readonly name: string; readonly description: string; readonly source: SourceId };
  readonly feedback: { readonly url: string; readonly description: string; readonly source: SourceId };
  readonly portal: { readonly url: string; readonly source: SourceId };
  readonly securityInfo: { readonly url: string; readonly source: SourceId };
  readonly readMore: readonly { readonly label: string; readonly url: string }[];
}

export const CONTACTS: Contacts = {
  helpdesk: {
    name: 'NHSmail Helpdesk',
    phone: '0333 200 1133',
    email: 'helpdesk@nhs.net',
    hours: '24 hours a day, 7 days a week',
    source: 'nhsmail-incident-procedure',
  },
  localAdmin: {
    name: 'your Local Administrator',
    description:
      'Your Local Administrator (LA) can re-enrol your MFA, switch it off, or give you a 24-hour exception.',
    source: 'nhsmail-pods-exceptions',
  },
  feedback: {
    url: 'https://cpe.org.uk/itfeedback',
    description: 'Feedback on the NHSmail MFA rollout is collated and passed to the NHSmail team.',
    source: 'cpe-factsheet',
  },
  portal: { url: 'https://portal.nhs.net', source: 'cpe-factsheet' },
  securityInfo: { url: 'https://mysignins.microsoft.com/security-info', source: 'nhsmail-sspr' },
  readMore: [
    { label: 'cpe.org.uk/mfa', url: 'https://cpe.org.uk/mfa' },
    { label: 'cpe.org.uk/nhsmailFAQs', url: 'https://cpe.org.uk/nhsmailFAQs' },
    { label: 'cpe.org.uk/nhsmail', url: 'https://cpe.org.uk/nhsmail' },
    { label: 'support.nhs.net/MFA', url: 'https://support.nhs.net/MFA' },
  ],
};
