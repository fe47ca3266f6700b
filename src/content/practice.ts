import type { SourceId } from './sources.js';

/**
 * What the practice conversation says. The practice account itself is ours, so what it is and
 * what it opens is the bot's own statement ('general'); how authenticator apps and phone clocks
 * usually behave is general TOTP knowledge, phrased as advice ("usually", "check"), never as an
 * NHSmail rule. Facts about NHSmail itself name their NHSmail source.
 */
export interface PracticeText {
  readonly text: string;
  readonly source: SourceId;
}

export interface PracticeStep {
  readonly title: string;
  readonly text: string;
  readonly source: SourceId;
}

/** How the practice account appears in the authenticator app. */
export const PRACTICE_ACCOUNT = {
  issuer: 'MFA Practice',
  account: 'Practice — not NHSmail',
} as const;

/** How long a practice account lives and how many codes may be tried against it. */
export const PRACTICE_RULES = {
  maxTries: 5,
  lifetimeMinutes: 15,
} as const;

export const PRACTICE = {
  title: 'Practise with an authenticator app',

  intro: {
    text:
      `Let's rehearse with a practice account called "${PRACTICE_ACCOUNT.issuer}". ` +
      'You add it to your authenticator app, then type the 6-digit code it shows here, so you know what to expect before the real thing.',
    source: 'general',
  } satisfies PracticeText,

  opensNothing: {
    text:
      'The practice account opens nothing: it is not linked to NHSmail or to any other account, and only this chat checks its codes. ' +
      'A practice code is safe to type here. Never type a real NHSmail code or your password, here or anywhere else.',
    source: 'general',
  } satisfies PracticeText,

  appNeeded: {
    text: 'You need Microsoft Authenticator on your phone. It is free from the App Store or Google Play.',
    source: 'nhsmail-mfa',
  } satisfies PracticeText,

  /** How to add the practice account in Microsoft Authenticator, phrased as the usual route. */
  addSteps: [
    {
      title: 'Open the app',
      text: 'Open Microsoft Authenticator on your phone.',
      source: 'general',
    },
    {
      title: 'Add an account',
      text: 'Tap "+" (add account), usually at the top of the screen.',
      source: 'general',
    },
    {
      title: 'Choose the account type',
      text: 'Choose "Other account (Google, Facebook, etc.)". The wording can differ slightly between versions of the app.',
      source: 'general',
    },
    {
      title: 'Scan the QR code',
      text:
        'Point the camera at the practice QR code I show you next. If you cannot scan it (for example, you are reading this on the same phone), ' +
        `choose the option to enter the code manually: type "${PRACTICE_ACCOUNT.account}" as the account name and the set-up key shown under the QR code as the key.`,
      source: 'general',
    },
    {
      title: 'Type the code here',
      text:
        `A new entry "${PRACTICE_ACCOUNT.issuer}" appears with a 6-digit code that usually changes every 30 seconds. ` +
        'Type that code here.',
      source: 'general',
    },
  ] as const satisfies readonly PracticeStep[],

  howToAddTitle: 'How to add it in Microsoft Authenticator',
  setupTitle: 'Your practice account',
  /** A one-line reminder on the set-up card of the steps on the intro card. */
  setupReminder: {
    text: 'In Microsoft Authenticator, tap "+", choose "Other account", then scan this QR code (or enter the set-up key by hand).',
    source: 'general',
  } satisfies PracticeText,
  qrAlt: `QR code that adds the "${PRACTICE_ACCOUNT.issuer}" practice account to an authenticator app`,
  setupKeyLabel: 'Set-up key (to type it instead of scanning)',
  setupKeyHint: {
    text: 'The key is shown in groups of 4 to make it easier to read; apps usually accept it with or without the spaces.',
    source: 'general',
  } satisfies PracticeText,
  accountLabel: 'Account name',
  issuerLabel: 'Issuer',
  askForCode: 'When the practice entry appears in your app, type its 6-digit code here.',

  success: {
    title: 'That worked!',
    points: [
      {
        text: 'Your phone and the app are working: the code you typed matched the practice account.',
        source: 'general',
      },
      {
        text: 'With NHSmail it works the same way: you scan the QR code shown during set-up, and the Authenticator shows codes that last 30 seconds.',
        source: 'nhsmail-mfa',
      },
      {
        text: 'When you sign in, Microsoft may show a number on the screen instead. You type it into the app to say yes to the sign-in.',
        source: 'entra-number-match',
      },
      {
        text: 'Your real codes are for you alone. Never share them, not with this bot and not with anyone who calls you, even if they say they are from NHSmail.',
        source: 'general',
      },
    ] as const satisfies readonly PracticeText[],
  },

  /** The code matched a time a few minutes away from now: the phone's clock is off. */
  clockOff: {
    title: 'Your phone\'s clock looks wrong',
    /** e.g. "about 3 minutes fast". */
    size: (direction: 'fast' | 'slow', minutes: number): string =>
      `about ${minutes === 1 ? 'a minute' : `${minutes} minutes`} ${direction}`,
    explain: (sizeText: string): PracticeText => ({
      text:
        `The code you typed is one the practice account gives at a different time, so your phone's clock seems to be ${sizeText}. ` +
        'Authenticator codes are worked out from the time, so a wrong clock is usually why a code is refused.',
      source: 'general',
    }),
    fix: {
      text: 'Set the date and time on your phone to automatic, wait for a fresh code, then try again.',
      source: 'general',
    } satisfies PracticeText,
  },

  /** How to set date and time to automatic, per platform. Menu names usually differ a little between versions. */
  automaticTime: [
    {
      title: 'iPhone',
      text: 'Open Settings, then General, then Date & Time. Turn on "Set Automatically".',
      source: 'general',
    },
    {
      title: 'Android',
      text: 'Open Settings, then System (or General management), then Date & time, and turn on the automatic date and time options. The names can differ between phone makers.',
      source: 'general',
    },
  ] as const satisfies readonly PracticeStep[],

  /** The code matched nothing nearby. */
  noMatch: {
    title: 'That code did not match',
    checks: [
      {
        text: `Check you are reading the code from the "${PRACTICE_ACCOUNT.issuer}" entry, not another account in the app.`,
        source: 'general',
      },
      {
        text: 'Wait for a fresh code to appear and type it straight away, as codes usually change every 30 seconds.',
        source: 'general',
      },
      {
        text: 'Type all 6 digits. A space or a dash in the middle is fine, as in 123 456.',
        source: 'general',
      },
    ] as const satisfies readonly PracticeText[],
  },

  /** Under a success while the practice account is still live: check the clock again, same entry. */
  checkAgain: (triesLeft: number, minutesLeft: number): string =>
    `Want to check again later? Type a fresh code from the same practice entry here. There is no need to add it again. ` +
    `You have ${triesLeft === 1 ? '1 try' : `${triesLeft} tries`} and about ${minutesLeft === 1 ? 'a minute' : `${minutesLeft} minutes`} left.`,

  /** Under a clock or no-match result, while tries are left. */
  tryAgain: 'Then type a fresh code from the practice entry here.',
  automaticTimeTitle: 'Set the date and time to automatic',

  notACode: 'That doesn\'t look like a 6-digit code. Type the 6 digits from the practice entry in your app.',

  /** e.g. "You have 3 tries left, and about 12 minutes before this practice account expires." */
  whatsLeft: (triesLeft: number, minutesLeft: number): string =>
    `You have ${triesLeft === 1 ? '1 try' : `${triesLeft} tries`} left, and about ${minutesLeft === 1 ? 'a minute' : `${minutesLeft} minutes`} before this practice account expires.`,

  /** Typed digits when no practice account is being checked (before it is shown, or after it ended). */
  notChecking: 'I\'m not checking codes for that practice account any more, so there\'s no need to type them. Use the buttons on the card to carry on.',
  notYet: 'First add the practice account: choose "Show me the practice account".',

  endedTitle: {
    expired: 'This practice account has expired',
    'out-of-tries': 'No tries left for this practice account',
  },

  expired: {
    text: `This practice account has expired: each one lasts ${PRACTICE_RULES.lifetimeMinutes} minutes. Choose ‘New practice account’ to get a new one.`,
    source: 'general',
  } satisfies PracticeText,

  outOfTries: {
    text: `That's ${PRACTICE_RULES.maxTries} tries for this practice account. Choose ‘New practice account’ to get a new one, and first check the phone's clock is set to automatic.`,
    source: 'general',
  } satisfies PracticeText,

  /** Afterwards: take the practice account out of the app. */
  remove: {
    title: 'Remove the practice account from your app',
    steps: [
      {
        title: 'Open the entry',
        text: `In Microsoft Authenticator, tap the "${PRACTICE_ACCOUNT.issuer}" entry.`,
        source: 'general',
      },
      {
        title: 'Remove it',
        text: 'Open its settings (usually a gear icon or the ⋮ menu) and choose "Remove account", then confirm.',
        source: 'general',
      },
      {
        title: 'Keep the real one',
        text: 'Check you removed the practice entry, not your NHSmail account.',
        source: 'general',
      },
    ] as const satisfies readonly PracticeStep[],
    forgotten: {
      text: 'This chat has already forgotten the practice account, so its codes are no longer checked.',
      source: 'general',
    } satisfies PracticeText,
  },

  /** Said when a new practice account replaces the previous one. */
  restarted: `Here's a new practice account. If you added the previous one, remove that "${PRACTICE_ACCOUNT.issuer}" entry from your app first so you don't mix them up.`,
  stopped: `OK, I've stopped the practice and forgotten the practice account. If you added "${PRACTICE_ACCOUNT.issuer}" to your app, you can remove it there: tap the entry, open its settings and choose "Remove account".`,

  /** Buttons. */
  showAccount: 'Show me the practice account',
  notNow: 'Not now',
  startAgain: 'New practice account',
  done: 'I\'ve finished practising',
  removeNext: 'Next: remove it from my app',
  backToEnrol: 'Back to set-up',
  backToTrouble: 'Back to fixing my code',
  practiseAgain: 'Practise again',
  /** Offered by the enrolment walkthrough and by "My code is not accepted". */
  practiseFirst: 'Practise first?',
  practiseClock: 'Practise and check my phone\'s clock',
  /** Re-prompt in the code step. */
  hint: (choices: string): string => `Type the 6-digit code from the "${PRACTICE_ACCOUNT.issuer}" entry in your app, or choose ${choices}.`,
} as const;
