import { capitalised, CONTACTS } from './contacts.js';
import type { SourceId } from './sources.js';

/** One problem someone can hit on a walkthrough step, and what to do about it. */
export interface StuckHelp {
  /** What the user would say: "I can't find Self-Service". */
  readonly title: string;
  readonly text: string;
  readonly source: SourceId;
  /** The sources say nothing about this problem: the text says so and names who helps. */
  readonly sourcesSilent?: boolean;
}

export interface EnrolmentStep {
  readonly title: string;
  readonly detail: string;
  readonly tip?: { readonly text: string; readonly source: SourceId };
  readonly source: SourceId;
  /** Offer "Practise first?" (a rehearsal with a practice authenticator account) on this card. */
  readonly offerPractice?: boolean;
  /** This step's own problems, offered first when the user is stuck on it (before the general list). */
  readonly stuck: readonly StuckHelp[];
}

const { helpdesk, localAdmin, portal, securityInfo } = CONTACTS;
const whoHelps = `ask ${localAdmin.explained}, or call the ${helpdesk.name} on ${helpdesk.phone}.`;
const silent = 'My guides don\'t cover this.';

/**
 * The five portal steps of the CPE factsheet, in plain words. Nothing is added to the factsheet's
 * steps: what happens after the last one comes from the enrolment guides (NEXT_SIGN_IN below).
 * Each step's "stuck" help comes from the factsheet and facts.md; where they say nothing, it says
 * so and names who helps (the Local Administrator and the NHSmail Helpdesk).
 */
export const ENROLMENT_STEPS: readonly EnrolmentStep[] = [
  {
    title: 'Log in to the NHSmail portal',
    detail: `Go to ${portal.label} and log in with your NHSmail email address and password.`,
    tip: {
      text: 'Use your own NHSmail account. You open a shared pharmacy mailbox through your own account, so MFA goes on your own account.',
      source: 'cp-staffs-stoke-nhsmail',
    },
    source: 'cpe-factsheet',
    stuck: [
      {
        title: 'I\'ve forgotten my password',
        text: `You may be able to reset it yourself, with the Authenticator app or a text or call to your mobile. If not, ${whoHelps}`,
        source: 'nhsmail-sspr',
      },
      {
        title: 'The portal won\'t load',
        text: `${silent} Check the address is ${portal.label}. If it still won't load, call the ${helpdesk.name} on ${helpdesk.phone}. It is ${helpdesk.hours}.`,
        source: 'nhsmail-incident-procedure',
        sourcesSilent: true,
      },
      {
        title: 'I only use the shared mailbox',
        text: 'Log in with your own NHSmail account. You open the shared mailbox through your own account, and MFA goes on your own account.',
        source: 'cp-staffs-stoke-nhsmail',
      },
    ],
  },
  {
    title: 'Open My Profile',
    detail: 'Choose \'Profile\' in the bar at the top of the screen. Then select \'My Profile\' from the menu that drops down.',
    source: 'cpe-factsheet',
    stuck: [
      {
        title: 'I can\'t see \'Profile\'',
        text: `It should be in the bar at the top of the screen, once you have logged in. ${silent} ${capitalised(whoHelps)}`,
        source: 'cpe-factsheet',
        sourcesSilent: true,
      },
      {
        title: '\'My Profile\' isn\'t there',
        text: `Select 'Profile' first: 'My Profile' is in the menu that drops down from it. If it still isn't there, ${whoHelps}`,
        source: 'cpe-factsheet',
        sourcesSilent: true,
      },
    ],
  },
  {
    title: 'Go to Self-Service',
    detail: 'On the \'My Profile\' page, select \'Self-Service\'.',
    source: 'cpe-factsheet',
    stuck: [
      {
        title: 'I can\'t find Self-Service',
        text: `It is on the 'My Profile' page, not in the top bar. Go to Profile, then My Profile, then look for 'Self-Service'. If it isn't there, ${whoHelps}`,
        source: 'cpe-factsheet',
        sourcesSilent: true,
      },
    ],
  },
  {
    title: 'Self-enrol for MFA',
    detail: 'Select the \'Self-enroll for MFA\' button.',
    source: 'cpe-factsheet',
    stuck: [
      {
        title: 'The button isn\'t there',
        text: `${silent} ${capitalised(localAdmin.explained)} can set up MFA for you.`,
        source: 'nhsmail-pods-exceptions',
        sourcesSilent: true,
      },
      {
        title: 'I think MFA is already on',
        text: `Then you can add or change how you get codes on ${securityInfo.name}: ${securityInfo.label}.`,
        source: 'nhsmail-sspr',
      },
    ],
  },
  {
    title: 'Choose how you will receive MFA',
    detail: 'Pick the way you prefer: the Microsoft Authenticator app on your smartphone (the one NHSmail suggests), a text, a phone call, or a FIDO2 token (a small security key).',
    tip: { text: 'Not sure which to pick? Ask me to help you choose.', source: 'cpe-factsheet' },
    source: 'cpe-factsheet',
    offerPractice: true,
    stuck: [
      {
        title: 'I don\'t have a smartphone',
        text: 'Choose a text or a phone call to your mobile. A basic mobile is fine.',
        source: 'nhsmail-pods-exceptions',
      },
      {
        title: 'I only have an office phone',
        text: `NHSmail does not support an office phone or landline for MFA. Use a mobile, or ask ${localAdmin.name} about a security key or other options.`,
        source: 'nhsmail-mfa',
      },
      {
        title: 'I don\'t want work apps on my phone',
        text: `You can have codes sent by text or a phone call instead. No app needed. Or ask ${localAdmin.name} about other options.`,
        source: 'nhsmail-pods-exceptions',
      },
    ],
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
    'Microsoft\'s "Keep your account secure" screens open and set up your method.',
    'The Authenticator app is offered first. Install it, then scan the QR code (a square barcode) on the screen. Its codes last 30 seconds.',
    'Want a text or call instead? Choose "I want to set up a different method". Pick United Kingdom (+44), enter your mobile number, then the 6-digit code sent to you.',
    `You can add or change methods later on ${securityInfo.name}: ${securityInfo.label}.`,
  ],
  source: 'n3i-msauth',
  extraSources: ['n3i-sms', 'nhsmail-mfa', 'nhsmail-sspr'],
  offerPractice: true,
};
