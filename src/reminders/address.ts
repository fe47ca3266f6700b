import { createHash } from 'node:crypto';
import type { ReminderAddress } from './model.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(value: unknown): string | undefined {
  return isRecord(value) && typeof value.id === 'string' && value.id !== '' && value.id.length <= 512 ? value.id : undefined;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= 512 ? value : undefined;
}

/**
 * Reads a stored (or incoming) conversation reference back into an address, keeping only what a
 * proactive message needs: ids, the service URL and the conversation type. Names, emails and
 * anything else are dropped. Undefined when a needed part is missing.
 */
export function toReminderAddress(value: unknown): ReminderAddress | undefined {
  if (!isRecord(value)) return undefined;
  const channelId = optionalText(value.channelId);
  const serviceUrl = optionalText(value.serviceUrl);
  const conversationId = idOf(value.conversation);
  const user = idOf(value.user);
  const bot = idOf(value.bot);
  if (channelId === undefined || serviceUrl === undefined || conversationId === undefined || user === undefined || bot === undefined) return undefined;
  if (!/^https?:\/\//i.test(serviceUrl)) return undefined;
  const conversation = isRecord(value.conversation) ? value.conversation : {};
  const conversationType = optionalText(conversation.conversationType);
  const tenantId = optionalText(conversation.tenantId);
  return {
    channelId,
    serviceUrl,
    conversation: { id: conversationId, ...(conversationType === undefined ? {} : { conversationType }), ...(tenantId === undefined ? {} : { tenantId }) },
    user: { id: user },
    bot: { id: bot },
  };
}

/** A store's address column (the JSON of an address) read back; undefined when it is not text, not JSON or not an address. */
export function addressFromStored(column: unknown): ReminderAddress | undefined {
  if (typeof column !== 'string') return undefined;
  try {
    return toReminderAddress(JSON.parse(column));
  } catch {
    return undefined;
  }
}

/** One reminder per person per conversation: the key is a hash, so ids never appear in a key, a log or a row name. */
export function reminderKey(address: Pick<ReminderAddress, 'channelId' | 'conversation' | 'user'>): string {
  return createHash('sha256').update(`${address.channelId}\u0000${address.conversation.id}\u0000${address.user.id}`).digest('hex').slice(0, 32);
}
