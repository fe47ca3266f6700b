import type { AdaptiveCard } from './schema.js';

export const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Recognises a card the bot built (after it has travelled as plain JSON in an activity). */
export function isAdaptiveCard(value: unknown): value is AdaptiveCard {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    value.type === 'AdaptiveCard' &&
    'body' in value &&
    Array.isArray(value.body) &&
    'version' in value &&
    value.version === '1.5'
  );
}
