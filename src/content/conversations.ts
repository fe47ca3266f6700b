import type { UrgentId } from './urgent.js';

/**
 * The guided conversations the bot offers, and the problems troubleshooting knows.
 * Content (answers, menu entries, intents) points at these ids; the dialogs layer maps them to dialogs.
 */
export const CONVERSATION_IDS = ['menu', 'why', 'enrol', 'methods', 'trouble', 'practice', 'feedback'] as const;
export type ConversationId = (typeof CONVERSATION_IDS)[number];

export const PROBLEM_IDS = [
  'new_phone',
  'code_rejected',
  'no_code',
  'locked_out',
  'no_smartphone',
  'unexpected_signin',
  'abroad',
] as const;
export type ProblemId = (typeof PROBLEM_IDS)[number];

/** Where a button, an answer or a recognised intent can take the user. */
export type ConversationTarget =
  | { readonly conversation: Exclude<ConversationId, 'trouble'> }
  | { readonly conversation: 'trouble'; readonly problem?: ProblemId; readonly urgent?: UrgentId };

export function isConversationId(value: unknown): value is ConversationId {
  return typeof value === 'string' && (CONVERSATION_IDS as readonly string[]).includes(value);
}

export function isProblemId(value: unknown): value is ProblemId {
  return typeof value === 'string' && (PROBLEM_IDS as readonly string[]).includes(value);
}
