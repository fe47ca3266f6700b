import { createHmac } from 'node:crypto';

/** Standard Webhooks secret: `whsec_` followed by base64 of the key (at least 24 bytes). */
export interface WebhookSecret {
  readonly key: Uint8Array;
}

export const MIN_SECRET_BYTES = 24;

/** Parses `whsec_<base64>`; returns a description of the problem instead of throwing. */
export function parseWebhookSecret(text: string): WebhookSecret | { problem: string } {
  if (!text.startsWith('whsec_')) return { problem: 'must start with whsec_ followed by the base64 key' };
  const b64 = text.slice('whsec_'.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0) return { problem: 'must be whsec_ followed by valid base64' };
  const key = Buffer.from(b64, 'base64');
  if (key.length < MIN_SECRET_BYTES) return { problem: `key must be at least ${MIN_SECRET_BYTES} bytes (got ${key.length})` };
  return { key: new Uint8Array(key) };
}

export interface SignatureHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

/**
 * Standard Webhooks signature headers: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`,
 * timestamp in whole seconds since the epoch.
 */
export function signWebhook(secret: WebhookSecret, id: string, timestampMs: number, body: string): SignatureHeaders {
  const timestamp = String(Math.floor(timestampMs / 1000));
  const signature = createHmac('sha256', secret.key).update(`${id}.${timestamp}.${body}`, 'utf8').digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}
