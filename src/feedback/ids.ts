import { createHash, randomBytes as nodeRandomBytes } from 'node:crypto';

/** Source of random bytes; injectable so tests can make ids predictable. */
export type RandomBytes = (size: number) => Uint8Array;

export const defaultRandomBytes: RandomBytes = (size) => nodeRandomBytes(size);

const BASE32 = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford
/** Letters that cannot be confused when read aloud or copied: no 0/O, 1/I/L, U. */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

function encode(bytes: Uint8Array, alphabet: string): string {
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** A 128-bit random id with a prefix saying what it is: fb_… for feedback, dg_… for digests. */
export function newId(prefix: 'fb' | 'dg', randomBytes: RandomBytes): string {
  const bytes = randomBytes(16);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return `${prefix}_${out}`;
}

/** A short reference a user can quote, e.g. FB-7K3Q (uniqueness is checked by the outbox). */
export function newReference(randomBytes: RandomBytes, length = 4): string {
  return `FB-${encode(randomBytes(length), REFERENCE_ALPHABET)}`;
}

/** References to try, in turn, until one is free: 50 of four letters, then 50 of six. */
export function* referenceCandidates(randomBytes: RandomBytes): Generator<string> {
  for (let tries = 0; tries < 100; tries += 1) yield newReference(randomBytes, tries < 50 ? 4 : 6);
}

export const REFERENCE_PATTERN = /^FB-[2-9A-HJKMNP-TV-Z]{4,6}$/;

/**
 * The id of the scheduled digest of the period starting at `from`: the same for every instance
 * and every retry, so a period's digest is queued once however many instances find it due.
 */
export function scheduledDigestId(from: number): string {
  return `dg_p${Math.trunc(from).toString(36)}`;
}

/**
 * What a store keeps for an idempotency key: the key scoped to the user (a key from one user can
 * never return another's item), hashed to a fixed length of safe characters.
 */
export function idempotencyKey(userHash: string, key: string): string {
  return createHash('sha256').update(`${userHash}\n${key}`).digest('base64url');
}
