import type { WebhookFormat } from './config.js';
import { digestCard, feedbackCard, type AdaptiveCard } from './cards.js';
import type { Digest } from './digest.js';
import type { FeedbackItem } from './model.js';

/** Version of the `json` payloads below; bumped on any incompatible change. */
export const PAYLOAD_SCHEMA_VERSION = 1;

/** Teams rejects messages over about 28 KB; stay under it with room for headers. */
export const TEAMS_PAYLOAD_MAX_BYTES = 28_000;

export type OutboundMessage = { readonly kind: 'feedback'; readonly item: FeedbackItem } | { readonly kind: 'digest'; readonly digest: Digest };

/** The documented `json` payload for one feedback item (see docs/notes/feedback.md). */
export function feedbackJson(item: FeedbackItem): Record<string, unknown> {
  return {
    type: 'feedback',
    schemaVersion: PAYLOAD_SCHEMA_VERSION,
    id: item.id,
    reference: item.reference,
    createdAt: item.createdAt,
    category: item.category,
    rating: item.rating,
    text: item.text,
    removed: item.removed,
    role: item.role,
    contact: item.contact,
    channel: item.channel,
    userHash: item.userHash,
  };
}

export function digestJson(digest: Digest): Record<string, unknown> {
  return { type: 'digest', schemaVersion: PAYLOAD_SCHEMA_VERSION, ...digest };
}

/** What Teams Workflows' "When a Teams webhook request is received" trigger accepts. */
export function teamsWorkflowMessage(card: AdaptiveCard): Record<string, unknown> {
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
  };
}

function teamsDigest(digest: Digest): string {
  let body = JSON.stringify(teamsWorkflowMessage(digestCard(digest)));
  let limits = { quotes: digest.quotes.length, unanswered: digest.unanswered.length, themes: digest.themes.length };
  while (Buffer.byteLength(body) > TEAMS_PAYLOAD_MAX_BYTES) {
    if (limits.unanswered > 3) limits = { ...limits, unanswered: limits.unanswered - 1 };
    else if (limits.quotes > 0) limits = { ...limits, quotes: limits.quotes - 1 };
    else if (limits.unanswered > 0) limits = { ...limits, unanswered: limits.unanswered - 1 };
    else if (limits.themes > 0) limits = { ...limits, themes: limits.themes - 1 };
    else break;
    body = JSON.stringify(teamsWorkflowMessage(digestCard(digest, limits)));
  }
  return body;
}

/** The request body for a message in the configured format. */
export function requestBody(message: OutboundMessage, format: WebhookFormat): string {
  if (format === 'json') {
    return JSON.stringify(message.kind === 'feedback' ? feedbackJson(message.item) : digestJson(message.digest));
  }
  return message.kind === 'feedback' ? JSON.stringify(teamsWorkflowMessage(feedbackCard(message.item))) : teamsDigest(message.digest);
}
