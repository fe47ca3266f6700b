import { PRACTICE_LIMITS, practiceAllowance, type PracticeSession } from './session.js';
import { TOTP_PARAMS, timeStepAt, totpCodeForStep } from './totp.js';

/** Codes from the current time step or one either side count as right (a normal delay). */
export const ACCEPT_STEPS = 1;
/** Beyond that, codes up to 10 minutes either side are recognised, to diagnose a wrong clock. */
export const DIAGNOSE_WINDOW_MS = 10 * 60_000;

const STEP_MS = TOTP_PARAMS.periodSeconds * 1000;
const DIAGNOSE_STEPS = Math.round(DIAGNOSE_WINDOW_MS / STEP_MS);

export type ClockDirection = 'fast' | 'slow';

export type PracticeResult =
  /** The code is right: the phone, the app and its clock all work. */
  | { readonly kind: 'success' }
  /**
   * The code belongs to another moment: the phone's clock is off. `offsetSeconds` is signed
   * (+ = phone ahead = fast) and accurate to the 30-second step; `approxMinutes` rounds it.
   */
  | {
      readonly kind: 'clock-off';
      readonly direction: ClockDirection;
      readonly offsetSeconds: number;
      readonly approxMinutes: number;
    }
  /** Six digits, but not a code of this secret within ±10 minutes. */
  | { readonly kind: 'no-match' }
  /** Not six digits (after removing spaces): not counted as a try. */
  | { readonly kind: 'not-a-code' }
  /** The session is older than 15 minutes: start a new one. */
  | { readonly kind: 'expired' }
  /** All 5 tries were used before this one: start a new one. */
  | { readonly kind: 'out-of-tries' };

export interface PracticeCheck {
  readonly result: PracticeResult;
  /** The session to store back (tries counted); unchanged when nothing was tried. */
  readonly session: PracticeSession;
  readonly triesLeft: number;
}

/**
 * "123 456", "123-456" or "123456" → "123456"; anything else → undefined.
 * Only whitespace (incl. non-breaking spaces) and hyphens are dropped.
 */
export function normaliseTypedCode(typed: string): string | undefined {
  const compact = typed.replace(/[\s\u00a0\u2009\u202f-]+/g, '');
  return new RegExp(`^\\d{${TOTP_PARAMS.digits}}$`).test(compact) ? compact : undefined;
}

/** Step offsets in the order to try them: nearest first, so a rare coincidence favours the small offset. */
function offsetsNearestFirst(maxSteps: number): number[] {
  const offsets = [0];
  for (let i = 1; i <= maxSteps; i++) offsets.push(i, -i);
  return offsets;
}
const OFFSETS = offsetsNearestFirst(DIAGNOSE_STEPS);

/** The step offset (phone step − real step) whose code equals `code`, if any within the window. */
function matchingOffset(secret: string, code: string, now: number): number | undefined {
  const step = timeStepAt(now);
  return OFFSETS.find((offset) => totpCodeForStep(secret, step + offset) === code);
}

/**
 * Checks a typed practice code at time `now` (epoch ms). Pure: the caller stores the returned
 * session. Never logs; the typed text is not kept anywhere.
 */
export function checkPracticeCode(session: PracticeSession, typed: string, now: number): PracticeCheck {
  const before = practiceAllowance(session, now);
  const unchanged = (result: PracticeResult): PracticeCheck => ({ result, session, triesLeft: before.triesLeft });

  if (before.expired) return unchanged({ kind: 'expired' });
  if (before.outOfTries) return unchanged({ kind: 'out-of-tries' });
  const code = normaliseTypedCode(typed);
  if (code === undefined) return unchanged({ kind: 'not-a-code' });

  const next: PracticeSession = { ...session, tries: session.tries + 1 };
  const triesLeft = Math.max(0, PRACTICE_LIMITS.maxTries - next.tries);
  const offset = matchingOffset(session.secret, code, now);

  let result: PracticeResult;
  if (offset === undefined) {
    result = { kind: 'no-match' };
  } else if (Math.abs(offset) <= ACCEPT_STEPS) {
    result = { kind: 'success' };
  } else {
    const offsetSeconds = offset * TOTP_PARAMS.periodSeconds;
    result = {
      kind: 'clock-off',
      direction: offset > 0 ? 'fast' : 'slow',
      offsetSeconds,
      approxMinutes: Math.max(1, Math.round(Math.abs(offsetSeconds) / 60)),
    };
  }
  return { result, session: next, triesLeft };
}
