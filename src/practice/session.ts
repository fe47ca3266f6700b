import { PRACTICE_RULES } from '../content/practice.js';
import { newTotpSecret, type RandomBytes } from './totp.js';

/**
 * One practice attempt, as plain JSON so it can live in the user's conversation state.
 * It holds the secret: keep it only in that user's state, delete it when the practice ends,
 * and never log it.
 */
export interface PracticeSession {
  /** Base32 TOTP secret (32 characters). */
  readonly secret: string;
  /** When the secret was made, epoch milliseconds. */
  readonly createdAt: number;
  /** Codes checked so far against this secret. */
  readonly tries: number;
}

export const PRACTICE_LIMITS = {
  maxTries: PRACTICE_RULES.maxTries,
  lifetimeMs: PRACTICE_RULES.lifetimeMinutes * 60_000,
} as const;

const BASE32_SECRET = /^[A-Z2-7]{16,128}$/;

/** Narrows state read back from storage; anything malformed is treated as no session. */
export function isPracticeSession(value: unknown): value is PracticeSession {
  if (typeof value !== 'object' || value === null) return false;
  if (!('secret' in value) || !('createdAt' in value) || !('tries' in value)) return false;
  const { secret, createdAt, tries } = value;
  return (
    typeof secret === 'string' &&
    BASE32_SECRET.test(secret) &&
    typeof createdAt === 'number' &&
    Number.isFinite(createdAt) &&
    typeof tries === 'number' &&
    Number.isInteger(tries) &&
    tries >= 0
  );
}

export function startPracticeSession(now: number, randomBytes: RandomBytes): PracticeSession {
  return { secret: newTotpSecret(randomBytes), createdAt: now, tries: 0 };
}

/** What is left of a session at a moment. */
export interface PracticeAllowance {
  readonly triesLeft: number;
  readonly msLeft: number;
  /** Whole minutes left, rounded up (so "about 1 minute" until the very end). */
  readonly minutesLeft: number;
  readonly expired: boolean;
  readonly outOfTries: boolean;
}

export function practiceAllowance(session: PracticeSession, now: number): PracticeAllowance {
  const msLeft = Math.max(0, session.createdAt + PRACTICE_LIMITS.lifetimeMs - now);
  const triesLeft = Math.max(0, PRACTICE_LIMITS.maxTries - session.tries);
  return {
    triesLeft,
    msLeft,
    minutesLeft: Math.ceil(msLeft / 60_000),
    expired: msLeft === 0,
    outOfTries: triesLeft === 0,
  };
}
