import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { checkPracticeCode, type PracticeCheck } from './check.js';
import { practiceAllowance, startPracticeSession, type PracticeAllowance, type PracticeSession } from './session.js';
import { buildPracticeSetup, type PracticeSetup } from './setup.js';
import type { RandomBytes } from './totp.js';

export interface PracticeEngineDeps {
  /** Current time in epoch milliseconds. */
  readonly clock: () => number;
  /** Defaults to node:crypto's randomBytes. */
  readonly randomBytes?: RandomBytes;
}

/** The practice rehearsal with its clock and randomness bound, for the dialog to use. */
export interface PracticeEngine {
  /** A fresh session with a new random secret (store it in the user's conversation state). */
  start(): PracticeSession;
  /** What the card shows: QR code, otpauth URI and set-up key. */
  setup(session: PracticeSession): Promise<PracticeSetup>;
  /** Checks a typed code now; store the returned session back. */
  check(session: PracticeSession, typed: string): PracticeCheck;
  /** Tries and minutes left now. */
  allowance(session: PracticeSession): PracticeAllowance;
}

export function createPracticeEngine(deps: PracticeEngineDeps): PracticeEngine {
  const random: RandomBytes = deps.randomBytes ?? ((length) => new Uint8Array(nodeRandomBytes(length)));
  return {
    start: () => startPracticeSession(deps.clock(), random),
    setup: (session) => buildPracticeSetup(session.secret),
    check: (session, typed) => checkPracticeCode(session, typed, deps.clock()),
    allowance: (session) => practiceAllowance(session, deps.clock()),
  };
}
