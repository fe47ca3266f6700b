/**
 * Journeys: what real people type, in their own words, and by which turn the answer they need must
 * be on screen. Written from personas (not from the training examples or test/nlu's held-out
 * files). Run by journeys.test.ts against the bot as it ships (createBot through TestChat).
 *
 * A turn is what the user types, except where the journey is about something else:
 * `{ press }` presses a button on the last card (only in journeys about buttons),
 * `{ code }` types the practice entry's code as a phone whose clock is `code` minutes off would show it.
 */
export type Persona =
  /** Locum pharmacist, between prescriptions, often on a phone, in a hurry. */
  | 'locum in a hurry'
  /** Technician on the shop's shared phone or PC, short messages, some typos. */
  | 'technician on the shop phone'
  /** Pharmacy manager asking for the whole team. */
  | 'manager asking for the team'
  /** Someone who does not know the terms (MFA, Authenticator, Self-Service) and says so. */
  | 'unsure of every term';

export type JourneyTurn = string | { readonly press: string } | { readonly code: number };

export interface Expectation {
  /** The reply must contain every one of these by this turn (1-based). */
  readonly by: number;
  readonly says: readonly string[];
  /** Each must be in the first message the bot sends in that turn (the urgent thing first). */
  readonly first?: boolean;
}

export interface Journey {
  readonly name: string;
  readonly persona: Persona;
  readonly turns: readonly JourneyTurn[];
  readonly expect: readonly Expectation[];
  /** Never in any reply of the journey. */
  readonly never: readonly string[];
  /** Needs the feedback service (a real store in a temporary folder). */
  readonly feedback?: boolean;
  /** Where it happens; a one-to-one chat unless said. */
  readonly where?: 'group chat';
}

const HELPDESK = '0333 200 1133';
const EXCEPTION = '24-hour exception';
const WALKTHROUGH = 'Step 1 of 5';
const CONTINUE = 'Continue set-up';
/** The urgent card's way on to the steps: it shows the urgent card came first, not step 1. */
const FIX_IT = 'Fix it step by step';
/** The reply to "continue" with nothing kept: a resume that failed shows it. */
const NOTHING_KEPT = 'nothing to continue';

export const JOURNEYS: readonly Journey[] = [
  // Urgent first: lost or stolen phone, no way in.
  {
    name: 'lost phone, can\'t get in: helpdesk number and the 24-hour exception in the first reply',
    persona: 'locum in a hurry',
    turns: ['lost my phone at the weekend and cant get into my nhs mail'],
    expect: [{ by: 1, says: [HELPDESK, EXCEPTION], first: true }],
    never: ['Add the app on the new phone first', WALKTHROUGH],
  },
  {
    name: 'stolen mobile: the urgent card first, then the steps on request',
    persona: 'technician on the shop phone',
    turns: ['my mobile got stolen last night how do i log in', 'fix it step by step'],
    expect: [
      { by: 1, says: [HELPDESK, EXCEPTION, 'Lost or stolen phone', FIX_IT], first: true },
      { by: 2, says: ['Step 1 of'] },
    ],
    never: ['Sorry, I didn\'t catch that'],
  },
  {
    name: 'lost phone, asked as a question about MFA',
    persona: 'unsure of every term',
    turns: ['I have lost my phone, what happens with the MFA thing?'],
    expect: [{ by: 1, says: [HELPDESK, EXCEPTION, FIX_IT], first: true }],
    never: [WALKTHROUGH],
  },
  {
    name: 'lost phone in the middle of setting up: urgent answer, then back to the step',
    persona: 'locum in a hurry',
    turns: ['how do i switch on mfa', 'wait, I have lost my phone and I cannot sign in'],
    expect: [
      { by: 1, says: [WALKTHROUGH] },
      { by: 2, says: [HELPDESK, EXCEPTION, 'back to where we were'] },
    ],
    never: [],
  },
  // Abroad and locked out.
  {
    name: 'abroad and locked out: what to do now, with "next time" after it',
    persona: 'locum in a hurry',
    turns: ['im on holiday in spain and it wont let me log in to my email'],
    expect: [{ by: 1, says: [HELPDESK, 'outside the UK', 'Next time', 'Set up MFA before you travel'], first: true }],
    never: [WALKTHROUGH],
  },
  {
    name: 'abroad, no access: the helpdesk, not "enrol before you go" as the answer',
    persona: 'manager asking for the team',
    turns: ['one of my team is overseas and is locked out of nhsmail, what can she do'],
    expect: [{ by: 1, says: [HELPDESK, 'Abroad and locked out'], first: true }],
    never: [WALKTHROUGH],
  },
  // Locked out: the way back in first.
  {
    name: 'locked out: reset it yourself, or the helpdesk, first',
    persona: 'technician on the shop phone',
    turns: ['locked out of my account'],
    expect: [{ by: 1, says: ['Reset your password yourself', HELPDESK, FIX_IT], first: true }],
    never: [WALKTHROUGH],
  },
  {
    name: 'forgotten password: the way back in first',
    persona: 'unsure of every term',
    turns: ['I forgot my password and now it says my account is locked'],
    expect: [{ by: 1, says: ['Reset your password yourself', FIX_IT], first: true }],
    never: [WALKTHROUGH],
  },
  // Why: the direct answer first.
  {
    name: '"why do I have to do this": mandatory, 26 March 2025, first',
    persona: 'locum in a hurry',
    turns: ['why do i have to do this'],
    expect: [{ by: 1, says: ['Yes, MFA is mandatory', '26 March 2025'], first: true }],
    never: ['Sorry, I didn\'t catch that'],
  },
  {
    name: 'is it compulsory, asked for the team',
    persona: 'manager asking for the team',
    turns: ['do my staff really have to set this up or is it optional'],
    expect: [{ by: 1, says: ['26 March 2025'] }],
    never: ['Sorry, I didn\'t catch that'],
  },
  {
    name: 'what is MFA at all',
    persona: 'unsure of every term',
    turns: ['what does MFA even mean'],
    expect: [{ by: 1, says: ['second check'] }],
    never: ['Sorry, I didn\'t catch that'],
  },
  // Set-up questions reach the walkthrough.
  {
    name: 'set-up question starts the walkthrough',
    persona: 'technician on the shop phone',
    turns: ['how do i set this up'],
    expect: [{ by: 1, says: [WALKTHROUGH, 'Log in to the NHSmail portal'] }],
    never: [],
  },
  {
    name: 'switch it on for the first time',
    persona: 'locum in a hurry',
    turns: ['need to turn on the two step thing before my shift, where do i start'],
    expect: [{ by: 1, says: [WALKTHROUGH] }],
    never: [],
  },
  {
    name: 'walkthrough: next, next, then "I can\'t find Self-Service" gets step 3\'s own help',
    persona: 'unsure of every term',
    turns: ['how do i enrol for mfa', 'done', 'done', "I'm stuck"],
    expect: [
      { by: 3, says: ['Go to Self-Service'] },
      { by: 4, says: ["I can't find Self-Service"] },
    ],
    never: ['forgotten your password'],
  },
  {
    name: '"I can\'t find Self-Service" typed inside the walkthrough: step 3\'s help, not password reset',
    persona: 'technician on the shop phone',
    turns: ['set up mfa', 'next', 'next', "i can't find self-service"],
    expect: [{ by: 4, says: ["I can't find Self-Service"] }],
    never: ['Reset your password yourself'],
  },
  {
    name: '"where is self service" on step 3: that step\'s own answer, and the step carries on',
    persona: 'unsure of every term',
    turns: ['how do i get mfa going', 'next', 'next', 'where is self service??', 'found it'],
    expect: [
      { by: 4, says: ["It is on the 'My Profile' page, not in the top bar"] },
      { by: 5, says: ['Self-enrol for MFA'] },
    ],
    never: ['Reset your password yourself'],
  },
  {
    name: 'no smartphone, said on the step that asks how to get codes',
    persona: 'technician on the shop phone',
    turns: ['set up mfa', 'next', 'next', 'next', 'next', "i haven't got a smartphone just a basic one"],
    expect: [{ by: 6, says: ["I don't have a smartphone?"] }],
    never: ["Sorry, I didn't catch that"],
  },
  {
    name: '"I\'m stuck" on the first step offers that step\'s own problems',
    persona: 'locum in a hurry',
    turns: ['how do i register for mfa', 'stuck'],
    expect: [{ by: 2, says: ['The portal won\'t load'] }],
    never: [],
  },
  {
    name: 'manager: how the team sets it up',
    persona: 'manager asking for the team',
    turns: ['how does my team get set up with mfa'],
    expect: [{ by: 1, says: [WALKTHROUGH] }],
    never: [],
  },
  // A code or password typed by mistake.
  {
    name: 'a real code pasted by mistake: warned, not kept, not repeated',
    persona: 'technician on the shop phone',
    turns: ['my code is 482 913 but it says wrong'],
    expect: [{ by: 1, says: ['That looks like an MFA code', "I haven't kept it"], first: true }],
    never: ['482 913', '482913'],
  },
  {
    name: 'a code typed mid-walkthrough: warned, then the same step again',
    persona: 'unsure of every term',
    turns: ['help me set up mfa', 'next', '730184'],
    expect: [{ by: 3, says: ['That looks like an MFA code', 'Open My Profile'] }],
    never: ['730184'],
  },
  // Carry on / continue.
  {
    name: 'leave the walkthrough for a question, then "carry on"',
    persona: 'locum in a hurry',
    turns: ['set up mfa', 'next', 'menu', 'carry on'],
    expect: [{ by: 4, says: ['Open My Profile'] }],
    never: [NOTHING_KEPT],
  },
  {
    name: '"where was I" resumes a kept walkthrough',
    persona: 'unsure of every term',
    turns: ['how do i set up mfa', 'next', 'next', 'stop', 'where was I?'],
    expect: [{ by: 5, says: ['Go to Self-Service'] }],
    never: [NOTHING_KEPT],
  },
  {
    name: '"ok let\'s keep going please" resumes',
    persona: 'technician on the shop phone',
    turns: ['enrol me', 'next', 'cancel', "ok let's keep going please"],
    expect: [{ by: 4, says: ['Open My Profile'] }],
    never: [NOTHING_KEPT],
  },
  {
    name: 'a question answered while the place is kept offers Continue on its card',
    persona: 'manager asking for the team',
    turns: ['how do i set up mfa', 'next', 'cancel', 'what is the authenticator app'],
    expect: [{ by: 4, says: [CONTINUE, 'step 2 of 5'] }],
    never: [],
  },
  {
    name: '"continue" with nothing kept says so and shows the menu',
    persona: 'locum in a hurry',
    turns: ['continue'],
    expect: [{ by: 1, says: ['nothing to continue'] }],
    never: [WALKTHROUGH],
  },
  // Methods.
  {
    name: 'no smartphone: codes by text or call',
    persona: 'technician on the shop phone',
    turns: ["i've only got an old nokia, can i still do this"],
    expect: [{ by: 1, says: ['text'] }],
    never: ['Sorry, I didn\'t catch that'],
  },
  {
    name: 'codes not arriving',
    persona: 'locum in a hurry',
    turns: ['the text with the code never comes through'],
    expect: [{ by: 1, says: ['Check the number'] }],
    never: [],
  },
  // Practice (about typing codes, so the code turns are codes).
  {
    name: 'practice: the code works first time',
    persona: 'unsure of every term',
    turns: ['can i have a go first without breaking anything', { press: 'Show me the practice account' }, { code: 0 }],
    expect: [
      { by: 1, says: ['Practise with an authenticator app', 'Show me the practice account'] },
      { by: 3, says: ['That worked!'] },
    ],
    never: ['Sorry, I didn\'t catch that'],
  },
  {
    name: 'practice: after a success, check the clock again without adding the entry again',
    persona: 'technician on the shop phone',
    turns: ['practise', { press: 'Show me the practice account' }, { code: 0 }, { code: 4 }],
    expect: [
      { by: 3, says: ['That worked!', 'no need to add it again'] },
      { by: 4, says: ["Your phone's clock looks wrong", 'about 4 minutes fast'] },
    ],
    never: ["I'm not checking codes"],
  },
  {
    name: 'practice: a code from nowhere gets advice that says spaces are fine',
    persona: 'locum in a hurry',
    turns: ['i want to practise', { press: 'Show me the practice account' }, '000 001'],
    expect: [{ by: 3, says: ['That code did not match', 'A space or a dash in the middle is fine'] }],
    never: ['without spaces'],
  },
  // Feedback.
  {
    name: 'feedback in words: thanks and a reference, honest about where it goes',
    persona: 'manager asking for the team',
    turns: ['i want to leave some feedback', 'this bot', '4', 'It helped my technician but the portal steps were hard on a phone.', 'manager', 'send'],
    expect: [
      { by: 1, says: ['Tell us'] },
      { by: 6, says: ['Thank', 'FB-', 'It will go to the team that runs this assistant once they have set up where it should go'] },
    ],
    never: ['on its way'],
    feedback: true,
  },
  // Buttons (this journey is about buttons).
  {
    name: 'the urgent card\'s "Fix it step by step" button goes to the steps',
    persona: 'technician on the shop phone',
    turns: ['phone stolen', { press: 'Fix it step by step' }],
    expect: [
      { by: 1, says: [HELPDESK], first: true },
      { by: 2, says: ['Step 1 of'] },
    ],
    never: ['that button didn'],
  },
  // A team chat: practice means typing codes, so not where colleagues read along.
  {
    name: 'asked to practise in the team\'s group chat: sent to a one-to-one chat, no codes asked for here',
    persona: 'manager asking for the team',
    where: 'group chat',
    turns: ['can we all have a practice run at the codes'],
    expect: [{ by: 1, says: ['one-to-one chat'] }],
    never: ['Your practice account'],
  },
  {
    name: 'locked out, then "show me the steps" from the urgent card',
    persona: 'locum in a hurry',
    turns: ["can't get into nhs mail, says I'm locked", 'show me the steps'],
    expect: [
      { by: 1, says: ['Reset your password yourself', HELPDESK, FIX_IT], first: true },
      { by: 2, says: ['Step 1 of'] },
    ],
    never: ["Sorry, I didn't catch that"],
  },
  // Unsure of every term.
  {
    name: 'what is the Authenticator',
    persona: 'unsure of every term',
    turns: ['whats this authenticator thing people keep talking about'],
    expect: [{ by: 1, says: ['app'] }],
    never: ['Sorry, I didn\'t catch that'],
  },
  {
    name: 'who is my Local Administrator',
    persona: 'unsure of every term',
    turns: ['who is my local admin'],
    expect: [{ by: 1, says: ['Local Administrator'] }],
    never: [],
  },
];

