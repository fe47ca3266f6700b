import { isInScopeIntentId, type InScopeIntentId } from '../nlu/intents.js';
import { isConversationId, isProblemId, type ConversationId, type ProblemId } from '../content/conversations.js';

/**
 * What a button press means. Every Action.Submit on every card carries one of these as its data,
 * and anything that arrives as `activity.value` is parsed back through `parseAction`, so tampered or
 * foreign data is refused instead of trusted.
 *
 * - `open`: start a guided conversation (valid from any card, at any time).
 * - `menu`: show the menu.
 * - `flow`: an answer inside a running conversation. `flow` identifies the conversation instance and
 *   `at` the step whose card carried the button, so a press on an old card is recognised as stale.
 */
export interface OpenAction {
  readonly action: 'open';
  readonly conversation: ConversationId;
  readonly problem?: ProblemId;
}

export interface MenuAction {
  readonly action: 'menu';
}

export interface FlowAction {
  readonly action: 'flow';
  readonly flow: string;
  readonly at: string;
  readonly choice: string;
  /** Values of the card's inputs (Adaptive Cards merge them into the submitted data). */
  readonly inputs: Readonly<Record<string, string>>;
}

/** "Tell me about …": answer a recognised question (from "Did you mean…?" and follow-up buttons). */
export interface IntentAction {
  readonly action: 'intent';
  readonly intent: InScopeIntentId;
}

/** "Remind me tomorrow" / "next week", "Not now" on a reminder, "stop reminders". */
export type ReminderChoice = 'tomorrow' | 'nextWeek' | 'notNow' | 'stop';

const REMINDER_CHOICES: readonly string[] = ['tomorrow', 'nextWeek', 'notNow', 'stop'] satisfies readonly ReminderChoice[];

export function isReminderChoice(value: unknown): value is ReminderChoice {
  return typeof value === 'string' && REMINDER_CHOICES.includes(value);
}

export interface ReminderAction {
  readonly action: 'reminder';
  readonly choice: ReminderChoice;
}

export type BotAction = OpenAction | MenuAction | FlowAction | IntentAction | ReminderAction;

export type ActionData = Readonly<Record<string, string | number | boolean>>;

export function openData(conversation: ConversationId, problem?: ProblemId): ActionData {
  return problem === undefined ? { action: 'open', conversation } : { action: 'open', conversation, problem };
}

export function menuData(): ActionData {
  return { action: 'menu' };
}

export function intentData(intent: InScopeIntentId): ActionData {
  return { action: 'intent', intent };
}

export function reminderData(choice: ReminderChoice): ActionData {
  return { action: 'reminder', choice };
}

export function flowData(flow: string, at: string, choice: string): ActionData {
  return { action: 'flow', flow, at, choice };
}

const FLOW_KEYS = new Set(['action', 'flow', 'at', 'choice']);
const MAX_FIELD = 4000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shortString(value: unknown, max = 200): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

/** Reads a button press. Returns undefined for anything that is not exactly one of our actions. */
export function parseAction(value: unknown): BotAction | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.action) {
    case 'menu':
      return { action: 'menu' };
    case 'open': {
      if (!isConversationId(value.conversation)) return undefined;
      if (value.problem === undefined) return { action: 'open', conversation: value.conversation };
      if (value.conversation !== 'trouble' || !isProblemId(value.problem)) return undefined;
      return { action: 'open', conversation: 'trouble', problem: value.problem };
    }
    case 'reminder':
      return isReminderChoice(value.choice) ? { action: 'reminder', choice: value.choice } : undefined;
    case 'intent':
      return isInScopeIntentId(value.intent) ? { action: 'intent', intent: value.intent } : undefined;
    case 'flow': {
      if (!shortString(value.flow, 64) || !shortString(value.at, 64) || !shortString(value.choice, 64)) return undefined;
      const inputs: Record<string, string> = {};
      for (const [key, field] of Object.entries(value)) {
        if (FLOW_KEYS.has(key) || key === 'msteams') continue;
        if (typeof field === 'string' && field.length <= MAX_FIELD) inputs[key] = field;
        else if (typeof field === 'number' || typeof field === 'boolean') inputs[key] = String(field);
      }
      return { action: 'flow', flow: value.flow, at: value.at, choice: value.choice, inputs };
    }
    default:
      return undefined;
  }
}
