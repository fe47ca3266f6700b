import { REMOVED_KINDS, type RemovedKind } from '../privacy/index.js';

export const FEEDBACK_CATEGORIES = [
  'enrolment',
  'authenticator app',
  'text or call',
  'FIDO2',
  'sign-in prompts',
  'this bot',
  'other',
] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

export const FEEDBACK_ROLES = ['pharmacist', 'technician', 'dispenser', 'manager', 'locum', 'other'] as const;
export type FeedbackRole = (typeof FEEDBACK_ROLES)[number];

export type FeedbackRating = 1 | 2 | 3 | 4 | 5;

/** The longest "tell us more" text a user may send, in characters. */
export const FEEDBACK_TEXT_MAX = 2000;

export interface FeedbackContact {
  /** The user's Teams display name. */
  readonly name: string;
  /** The user's email from Teams member info; nobody types it. */
  readonly email: string;
}

/** One piece of feedback as stored in the outbox and posted to the webhook. */
export interface FeedbackItem {
  /** Unique id, e.g. fb_01hq3w…; sent as `webhook-id`, the same on every retry. */
  readonly id: string;
  /** Short reference the user can quote, e.g. FB-7K3Q. */
  readonly reference: string;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly category: FeedbackCategory;
  readonly rating: FeedbackRating | null;
  /** Scrubbed text, at most FEEDBACK_TEXT_MAX characters. */
  readonly text: string;
  /** What the scrubber removed from the text (placeholders mark where). */
  readonly removed: readonly RemovedKind[];
  readonly role: FeedbackRole | null;
  /** Only when the user agreed to be contacted. */
  readonly contact: FeedbackContact | null;
  /** The Bot Framework channel it came from, e.g. msteams. */
  readonly channel: string;
  /** Pseudonymous user id: HMAC-SHA256 of the channel user id with a secret salt. Never the raw id. */
  readonly userHash: string;
}

export function isFeedbackCategory(value: unknown): value is FeedbackCategory {
  return typeof value === 'string' && (FEEDBACK_CATEGORIES as readonly string[]).includes(value);
}

export function isFeedbackRole(value: unknown): value is FeedbackRole {
  return typeof value === 'string' && (FEEDBACK_ROLES as readonly string[]).includes(value);
}

export function isFeedbackRating(value: unknown): value is FeedbackRating {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

function isRemovedKind(value: unknown): value is RemovedKind {
  return typeof value === 'string' && (REMOVED_KINDS as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isContact(value: unknown): value is FeedbackContact {
  return isRecord(value) && typeof value['name'] === 'string' && typeof value['email'] === 'string';
}

/** Narrows JSON read back from the outbox; throws when it is not a feedback item. */
export function parseFeedbackItem(value: unknown): FeedbackItem {
  if (!isRecord(value)) throw new TypeError('Feedback item is not an object');
  const { id, reference, createdAt, category, rating, text, removed, role, contact, channel, userHash } = value;
  if (typeof id !== 'string' || typeof reference !== 'string' || typeof createdAt !== 'string') {
    throw new TypeError('Feedback item lacks id, reference or createdAt');
  }
  if (!isFeedbackCategory(category)) throw new TypeError(`Feedback item ${id} has an unknown category`);
  if (rating !== null && !isFeedbackRating(rating)) throw new TypeError(`Feedback item ${id} has a bad rating`);
  if (typeof text !== 'string' || typeof channel !== 'string' || typeof userHash !== 'string') {
    throw new TypeError(`Feedback item ${id} lacks text, channel or userHash`);
  }
  if (!Array.isArray(removed) || !removed.every(isRemovedKind)) throw new TypeError(`Feedback item ${id} has bad removed kinds`);
  if (role !== null && !isFeedbackRole(role)) throw new TypeError(`Feedback item ${id} has an unknown role`);
  if (contact !== null && !isContact(contact)) throw new TypeError(`Feedback item ${id} has a bad contact`);
  return { id, reference, createdAt, category, rating, text, removed, role, contact, channel, userHash };
}
