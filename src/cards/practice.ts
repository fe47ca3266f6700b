import { PRACTICE } from '../content/practice.js';
import type { SourceId } from '../content/sources.js';
import { WORDS } from '../content/ui.js';
import type { ClockDirection, PracticeSetup } from '../practice/index.js';
import { flowData, menuData, openData } from './actions.js';
import { bullets, callout, card, facts, heading, numbered, paragraph, sourceLine, subheading, submit, subtle } from './elements.js';
import type { AdaptiveCard, Element, SubmitAction, TextBlock } from './schema.js';

/** The id of the TextBlock holding the set-up key (what a user would copy into the app). */
export const SETUP_KEY_ID = 'practiceSetupKey';

/** Where the practice was opened from, so the last card can offer the way back. */
export type PracticeReturn = 'enrol' | 'trouble';

/** A try that did not succeed, as the result card shows it. */
export type PracticeMiss =
  | { readonly kind: 'clock-off'; readonly direction: ClockDirection; readonly approxMinutes: number }
  | { readonly kind: 'no-match' };

/** What comes after a missed try: another try, or a new practice account. */
export type PracticeNext = { readonly kind: 'retry'; readonly triesLeft: number; readonly minutesLeft: number } | { readonly kind: 'out-of-tries' };

export type PracticeEnd = 'expired' | 'out-of-tries';

function stepLines(steps: readonly { readonly title: string; readonly text: string }[]): string[] {
  return steps.map((s) => `**${s.title}.** ${s.text}`);
}

function sourcesOf(items: readonly { readonly source: SourceId }[]): SourceId[] {
  return items.map((i) => i.source);
}

function startAgain(flow: string, at: string, style?: SubmitAction['style']): SubmitAction {
  return submit(PRACTICE.startAgain, flowData(flow, at, 'restart'), style);
}

function finished(flow: string, at: string): SubmitAction {
  return submit(PRACTICE.done, flowData(flow, at, 'done'));
}

/** What the practice is, that it opens nothing, and how to add it in Microsoft Authenticator. */
export function practiceIntroCard(flow: string): AdaptiveCard {
  const at = 'intro';
  return card(
    [
      heading(PRACTICE.title),
      paragraph(PRACTICE.intro.text),
      callout([paragraph(PRACTICE.opensNothing.text)]),
      paragraph(PRACTICE.appNeeded.text, { spacing: 'Medium' }),
      subheading(PRACTICE.howToAddTitle),
      numbered(stepLines(PRACTICE.addSteps)),
      sourceLine([PRACTICE.intro.source, PRACTICE.opensNothing.source, PRACTICE.appNeeded.source, ...sourcesOf(PRACTICE.addSteps)]),
    ],
    [submit(PRACTICE.showAccount, flowData(flow, at, 'setup'), 'positive'), submit(PRACTICE.notNow, flowData(flow, at, 'cancel'))],
    `${PRACTICE.title}. ${PRACTICE.intro.text} ${PRACTICE.opensNothing.text}`,
  );
}

/**
 * The practice account itself: the QR code, the issuer and account name, and the set-up key,
 * labelled clearly. The key and the QR code hold the practice secret, so they are kept out of
 * the fallback text (which Teams also uses for notification previews).
 */
export function practiceSetupCard(flow: string, at: string, setup: PracticeSetup, left: { readonly triesLeft: number; readonly minutesLeft: number }): AdaptiveCard {
  const key: TextBlock = { type: 'TextBlock', text: setup.setupKey, wrap: true, fontType: 'Monospace', size: 'Medium', weight: 'Bolder', id: SETUP_KEY_ID };
  return card(
    [
      heading(PRACTICE.setupTitle),
      callout([paragraph(PRACTICE.opensNothing.text)]),
      paragraph(PRACTICE.setupReminder.text, { spacing: 'Medium' }),
      { type: 'Image', url: setup.qrDataUri, altText: PRACTICE.qrAlt, width: `${setup.qrSizePx}px`, horizontalAlignment: 'Center', spacing: 'Medium' },
      facts([
        [PRACTICE.issuerLabel, setup.issuer],
        [PRACTICE.accountLabel, setup.account],
      ]),
      paragraph(PRACTICE.setupKeyLabel, { weight: 'Bolder', spacing: 'Medium' }),
      key,
      subtle(PRACTICE.setupKeyHint.text),
      paragraph(PRACTICE.askForCode, { weight: 'Bolder', spacing: 'Medium' }),
      subtle(PRACTICE.whatsLeft(left.triesLeft, left.minutesLeft)),
      sourceLine([PRACTICE.opensNothing.source, PRACTICE.setupReminder.source, PRACTICE.setupKeyHint.source]),
    ],
    [startAgain(flow, at), finished(flow, at)],
    `${PRACTICE.setupTitle}: add "${setup.issuer}" to Microsoft Authenticator, then type its 6-digit code here. ${PRACTICE.opensNothing.text}`,
  );
}

/** `left`: the practice account is still live, so another code can be typed to check the clock again. */
export function practiceSuccessCard(flow: string, at: string, left?: { readonly triesLeft: number; readonly minutesLeft: number }): AdaptiveCard {
  const { success } = PRACTICE;
  return card(
    [
      heading(success.title),
      bullets(success.points.map((p) => p.text)),
      ...(left === undefined || left.triesLeft === 0 ? [] : [paragraph(PRACTICE.checkAgain(left.triesLeft, left.minutesLeft), { spacing: 'Medium' })]),
      sourceLine(sourcesOf(success.points)),
    ],
    [submit(PRACTICE.removeNext, flowData(flow, at, 'done'), 'positive')],
    `${success.title} ${success.points.map((p) => p.text).join(' ')}`,
  );
}

/** After a missed try: another try (with what is left), or the end of this practice account. */
function nextPart(next: PracticeNext): Element[] {
  return next.kind === 'retry'
    ? [paragraph(PRACTICE.tryAgain, { weight: 'Bolder', spacing: 'Medium' }), subtle(PRACTICE.whatsLeft(next.triesLeft, next.minutesLeft))]
    : [callout([paragraph(PRACTICE.outOfTries.text)], 'warning')];
}

function nextSources(next: PracticeNext): SourceId[] {
  return next.kind === 'out-of-tries' ? [PRACTICE.outOfTries.source] : [];
}

function nextActions(flow: string, at: string, next: PracticeNext): SubmitAction[] {
  return [startAgain(flow, at, next.kind === 'out-of-tries' ? 'positive' : undefined), finished(flow, at)];
}

/** The code matched another moment: the phone's clock is off by about this much, fast or slow. */
export function practiceClockOffCard(flow: string, at: string, miss: { readonly direction: ClockDirection; readonly approxMinutes: number }, next: PracticeNext): AdaptiveCard {
  const { clockOff, automaticTime } = PRACTICE;
  const explain = clockOff.explain(clockOff.size(miss.direction, miss.approxMinutes));
  return card(
    [
      heading(clockOff.title),
      paragraph(explain.text),
      paragraph(clockOff.fix.text, { weight: 'Bolder', spacing: 'Medium' }),
      subheading(PRACTICE.automaticTimeTitle),
      ...automaticTime.map((p) => paragraph(`**${p.title}:** ${p.text}`)),
      ...nextPart(next),
      sourceLine([explain.source, clockOff.fix.source, ...sourcesOf(automaticTime), ...nextSources(next)]),
    ],
    nextActions(flow, at, next),
    `${clockOff.title}. ${explain.text} ${clockOff.fix.text}`,
  );
}

/** Six digits, but no code of the practice account within 10 minutes either side. */
export function practiceNoMatchCard(flow: string, at: string, next: PracticeNext): AdaptiveCard {
  const { noMatch } = PRACTICE;
  return card(
    [heading(noMatch.title), bullets(noMatch.checks.map((c) => c.text)), ...nextPart(next), sourceLine([...sourcesOf(noMatch.checks), ...nextSources(next)])],
    nextActions(flow, at, next),
    `${noMatch.title}. ${noMatch.checks.map((c) => c.text).join(' ')}`,
  );
}

export function practiceMissCard(flow: string, at: string, miss: PracticeMiss, next: PracticeNext): AdaptiveCard {
  return miss.kind === 'clock-off' ? practiceClockOffCard(flow, at, miss, next) : practiceNoMatchCard(flow, at, next);
}

/** The practice account expired (15 minutes) or used all its tries: offer a new one. */
export function practiceEndedCard(flow: string, at: string, why: PracticeEnd): AdaptiveCard {
  const content = why === 'expired' ? PRACTICE.expired : PRACTICE.outOfTries;
  const title = PRACTICE.endedTitle[why];
  return card([heading(title), paragraph(content.text), sourceLine([content.source])], [startAgain(flow, at, 'positive'), finished(flow, at)], `${title}. ${content.text}`);
}

/** The last card: take the practice account out of the app, and where to go next. */
export function practiceRemoveCard(returnTo?: PracticeReturn): AdaptiveCard {
  const { remove } = PRACTICE;
  const back: SubmitAction[] =
    returnTo === 'enrol'
      ? [submit(PRACTICE.backToEnrol, openData('enrol'), 'positive')]
      : returnTo === 'trouble'
        ? [submit(PRACTICE.backToTrouble, openData('trouble', 'code_rejected'), 'positive')]
        : [];
  return card(
    [heading(remove.title), numbered(stepLines(remove.steps)), subtle(remove.forgotten.text), sourceLine([...sourcesOf(remove.steps), remove.forgotten.source])],
    [...back, submit(PRACTICE.practiseAgain, openData('practice')), submit(WORDS.backToMenu, menuData())],
    `${remove.title}. ${remove.steps.map((s) => s.text).join(' ')}`,
  );
}
