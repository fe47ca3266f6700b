import { createHmac } from 'node:crypto';

/**
 * Pseudonymous user id: HMAC-SHA256 of the channel's user id keyed with a secret salt,
 * base64url, 22 characters (128 bits). The same user gets the same hash (so the service owner can
 * see that several items came from one person, and the rate limit works) but the raw id cannot be
 * recovered or confirmed without the salt.
 */
export function hashUserId(userId: string, salt: string): string {
  return createHmac('sha256', salt).update(userId, 'utf8').digest('base64url').slice(0, 22);
}
