import { generateSync, ScureBase32Plugin } from 'otplib';

/**
 * The TOTP flavour Microsoft Authenticator expects for an "other account": SHA-1, 6 digits,
 * 30-second steps. Everything time-based takes the time in epoch milliseconds from the caller,
 * so tests can drive it with a controlled clock.
 */
export const TOTP_PARAMS = {
  algorithm: 'sha1',
  digits: 6,
  periodSeconds: 30,
} as const;

/** 20 random bytes = 160 bits, the size RFC 4226 recommends for SHA-1 (32 Base32 characters). */
export const SECRET_BYTES = 20;

/** Source of random bytes, injected so tests can make secrets deterministic. */
export type RandomBytes = (length: number) => Uint8Array;

const base32 = new ScureBase32Plugin();

/** A fresh Base32 secret (no padding: 20 bytes encode to exactly 32 characters). */
export function newTotpSecret(randomBytes: RandomBytes): string {
  const bytes = randomBytes(SECRET_BYTES);
  if (bytes.length !== SECRET_BYTES) {
    throw new Error(`randomBytes returned ${bytes.length} bytes, expected ${SECRET_BYTES}`);
  }
  return base32.encode(bytes);
}

/** The 30-second time step a moment falls in. */
export function timeStepAt(epochMs: number): number {
  return Math.floor(epochMs / 1000 / TOTP_PARAMS.periodSeconds);
}

/** The code an authenticator whose clock reads `epochMs` shows for this secret. */
export function totpCodeAt(secret: string, epochMs: number): string {
  return generateSync({
    secret,
    epoch: Math.floor(epochMs / 1000),
    algorithm: TOTP_PARAMS.algorithm,
    digits: TOTP_PARAMS.digits,
    period: TOTP_PARAMS.periodSeconds,
  });
}

/** The code for a given time step (any moment inside it gives the same code). */
export function totpCodeForStep(secret: string, step: number): string {
  return totpCodeAt(secret, step * TOTP_PARAMS.periodSeconds * 1000);
}
