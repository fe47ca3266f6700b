import type { SourceId } from './sources.js';

/**
 * Every contact detail, link and name of a place the bot gives, in one place, so an organisation
 * can change them. Values come from ../shared/domain/facts.md and the CPE factsheet.
 * Content shows a link by its `label` (the address without https://), never a retyped copy.
 */
export interface Place {
  readonly url: string;
  /** The address as people see and type it, e.g. "portal.nhs.net". */
  readonly label: string;
  readonly source: SourceId;
}

export interface Contacts {
  readonly helpdesk: { readonly name: string; readonly phone: string; readonly email: string; readonly hours: string; readonly source: SourceId };
  readonly localAdmin: {
    /** As used in a sentence: "ask your Local Administrator". */
    readonly name: string;
    /** The first time the term appears on a card: what it means. */
    readonly explained: string;
    readonly description: string;
    readonly source: SourceId;
  };
  /** Feedback on the MFA rollout that reaches the NHSmail team (the factsheet's route). */
  readonly feedback: Place & { readonly description: string };
  /** Feedback left in this chat: it goes where the people running this assistant set it to go. */
  readonly botFeedback: { readonly description: string; readonly source: SourceId };
  readonly portal: Place;
  readonly securityInfo: Place & { readonly name: string };
  readonly readMore: readonly { readonly label: string; readonly url: string; readonly source: SourceId }[];
}

function place(url: string, source: SourceId): Place {
  return { url, label: url.replace(/^https:\/\//, '').replace(/\/$/, ''), source };
}

export const CONTACTS: Contacts = {
  helpdesk: {
    name: 'NHSmail Helpdesk',
    phone: '0333 200 1133',
    email: 'helpdesk@nhs.net',
    hours: 'open 24 hours, every day',
    source: 'nhsmail-incident-procedure',
  },
  localAdmin: {
    name: 'your Local Administrator',
    explained: 'your Local Administrator (LA), who can reset MFA for you',
    description: 'Your Local Administrator (LA) can set up your MFA again, switch it off, or give you a 24-hour exception.',
    source: 'nhsmail-pods-exceptions',
  },
  feedback: {
    ...place('https://cpe.org.uk/itfeedback', 'cpe-factsheet'),
    description: 'Feedback sent there is collated and passed to the NHSmail team.',
  },
  botFeedback: {
    description: 'What you tell me here goes to the team that runs this assistant. It does not go straight to NHSmail.',
    source: 'general',
  },
  portal: place('https://portal.nhs.net', 'cpe-factsheet'),
  securityInfo: { ...place('https://mysignins.microsoft.com/security-info', 'nhsmail-sspr'), name: 'Microsoft\'s security info page' },
  readMore: [
    { label: 'cpe.org.uk/mfa', url: 'https://cpe.org.uk/mfa', source: 'cpe-mfa' },
    { label: 'cpe.org.uk/nhsmailFAQs', url: 'https://cpe.org.uk/nhsmailFAQs', source: 'cpe-nhsmail-faqs' },
    { label: 'cpe.org.uk/nhsmail', url: 'https://cpe.org.uk/nhsmail', source: 'cpe-nhsmail' },
    { label: 'support.nhs.net/MFA', url: 'https://support.nhs.net/MFA', source: 'nhsmail-mfa-guidance' },
  ],
};

/** A phrase from above at the start of a sentence. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
