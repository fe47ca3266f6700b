import type { Activity } from 'botbuilder';

export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

/** A plain JSON object (state and activity values arrive as untyped JSON). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Is this turn a Universal Action (Action.Execute) press, whose answer is the invoke's response? */
export function isCardActionInvoke(activity: Partial<Activity>): boolean {
  return activity.type === 'invoke' && activity.name === CARD_ACTION_INVOKE;
}

/**
 * What a button press sent, or undefined when the turn is not a press: an Action.Submit's value
 * (a message with `value`, from clients without Universal Actions) or an Action.Execute's data
 * (an `adaptiveCard/action` invoke). Either way the data is checked by `parseAction` before use.
 */
export function pressOf(activity: Partial<Activity>): unknown {
  if (isCardActionInvoke(activity)) {
    const action: unknown = isRecord(activity.value) ? activity.value.action : undefined;
    return isRecord(action) && action.type === 'Action.Execute' && action.data !== undefined && action.data !== null ? action.data : undefined;
  }
  if (activity.type !== 'message') return undefined;
  return activity.value === null ? undefined : activity.value;
}

/** Typed text of a message (not a press), trimmed; '' when there is none. */
export function typedText(activity: Partial<Activity>): string {
  if (activity.type !== 'message' || pressOf(activity) !== undefined) return '';
  return typeof activity.text === 'string' ? activity.text.trim() : '';
}

/** A team channel or group chat, where everything typed is seen by everyone. */
export function isSharedConversation(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat';
}
