import type { SourceId } from './sources.js';

export interface EnrolmentStep {
  readonly title: string;
  readonly detail: string;
  readonly tip?: { readonly text: string; readonly source: SourceId };
  readonly source: SourceId;
  /** Offer "Practise first?" (a rehearsal with a practice authenticator account) on this card. */
  readonly offerPractice?: boolean;
}

/** The five portal steps, exactly as the CPE factsheet gives them. */
export const ENROLMENT_STEPS: readonly EnrolmentStep[] = [
  {
    title: 'Log in to the NHSmail portal',
    detail: 'Go to portal.nhs.net and log in with your NHSmail email address and password.',
    tip: {
      text: 'Set MFA up on your own NHSmail account. Shared pharmacy mailboxes are opened through each person\'s own linked account, so MFA goes on your own account.',
      source: 'cp-staffs-stoke-nhsmail',
    },
    source: 'cpe-factsheet',
  },
  {
    title: 'Open My Profile',
    detail: 'Choose \'Profile\' in the navigation bar at the top of the screen, then select \'My Profile\' from the drop-down menu.',
    source: 'cpe-factsheet',
  },
  {
    title: 'Go to Self-Service',
    detail: 'On the \'My Profile\' page, select \'Self-Service\'.',
    source: 'cpe-factsheet',
  },
  {
    title: 'Self-enrol for MFA',
    detail: 'Select the \'Self-enroll for MFA\' button, then confirm. The portal tells you that MFA has been enabled.',
    source: 'cpe-factsheet',
  },
  {
    title: 'Choose how you will receive MFA',
    detail: 'Pick the method you prefer: the Microsoft Authenticator app on your smartphone (recommended), a text message, a phone call, or a FIDO2 token (a hardware device).',
    tip: { text: 'Not sure which to pick? Ask me to help you choose a method.', source: 'cpe-factsheet' },
    source: 'cpe-factsheet',
    offerPractice: true,
  },
];

export const NEXT_SIGN_IN: {
  readonly title: string;
  readonly points: readonly string[];
  readonly source: SourceId;
  readonly extraSources: readonly SourceId[];
  readonly offerPractice: boolean;
} = {
  title: 'What happens at your next sign-in',
  points: [
    'Microsoft\'s "Keep your account secure" wizard opens and sets up your method.',
    'The Authenticator app is offered first: install it, then scan the QR code on screen. Its codes last 30 seconds.',
    'Prefer your phone? Choose "I want to set up a different method", pick United Kingdom (+44), enter your mobile number and then the 6-digit code that is sent to you.',
    'You can add or change methods later on Microsoft\'s security info page: mysignins.microsoft.com/security-info.',
  ],
  source: 'n3i-msauth',
  extraSources: ['n3i-sms', 'nhsmail-mfa', 'nhsmail-sspr'],
  offerPractice: true,
};
