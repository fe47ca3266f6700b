import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { parseAction, type FlowAction } from '../cards/actions.js';
import { buttonsOf, normaliseChoice } from '../cards/choices.js';
import type { AdaptiveCard } from '../cards/schema.js';
import type { ConversationId } from '../content/conversations.js';
import { REPLIES } from '../content/ui.js';
import { candidateTitles } from './commands.js';
import { say, sendCard, showCard } from './send.js';

/** Every guided conversation keeps which instance it is (`flow`) and which card is showing (`at`). */
export interface FlowState {
  readonly flow: string;
  readonly at: string;
}

export type Outcome<S> =
  | { readonly kind: 'show'; readonly state: S; readonly say?: readonly string[] }
  /** Keep the current card and state; only say something (e.g. "that doesn't look like a code"). */
  | { readonly kind: 'stay'; readonly say: readonly string[] }
  | { readonly kind: 'end'; readonly say?: readonly string[]; readonly card?: AdaptiveCard; readonly menu?: boolean }
  | { readonly kind: 'replace'; readonly dialogId: string; readonly options?: object; readonly say?: readonly string[] };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The common part of every guided conversation's stored state. */
export function isFlowState(value: unknown): value is Record<string, unknown> & FlowState {
  return isRecord(value) && typeof value.flow === 'string' && typeof value.at === 'string';
}

/** Set on the turn when the active conversation could not read the user's reply. */
export const NOT_UNDERSTOOD = Symbol('mfa.notUnderstood');

export class NotUnderstood {
  constructor(
    readonly text: string,
    readonly hint: string,
  ) {}
}

export function notUnderstood(context: TurnContext): NotUnderstood | undefined {
  const value: unknown = context.turnState.get(NOT_UNDERSTOOD);
  return value instanceof NotUnderstood ? value : undefined;
}

export interface GuidedDeps {
  readonly newFlowId: () => string;
  /** Called when a conversation ends with `menu: true`. */
  readonly showMenu: (context: TurnContext) => Promise<void>;
}

/** "A, B or C". */
export function joinChoices(titles: readonly string[]): string {
  if (titles.length <= 1) return titles.join('');
  return `${titles.slice(0, -1).join(', ')} or ${titles[titles.length - 1] ?? ''}`;
}

/**
 * A conversation made of cards, one showing at a time. Subclasses say what the first state is,
 * which card a state shows and what a choice does; this class reads button presses and typed
 * replies, spots presses on old cards, and updates or sends cards.
 */
export abstract class GuidedDialog<S extends FlowState, O extends object = object> extends Dialog<O> {
  protected constructor(
    id: string,
    readonly conversation: ConversationId,
    protected readonly deps: GuidedDeps,
  ) {
    super(id);
  }

  protected abstract initial(dc: DialogContext, flow: string, options: O | undefined): Promise<Outcome<S>> | Outcome<S>;
  /** The card a state shows. May be async (e.g. a card with a generated image); keep it free of side effects. */
  protected abstract render(state: S): Promise<AdaptiveCard> | AdaptiveCard;
  protected abstract choose(dc: DialogContext, state: S, choice: string, inputs: Readonly<Record<string, string>>): Promise<Outcome<S>> | Outcome<S>;
  /**
   * Whether, in this state, the user is expected to type a verification code (the practice step):
   * the secret-sharing guard lets such messages through to the conversation.
   */
  acceptsCodeIn(_instance: DialogInstance): boolean {
    return false;
  }

  /**
   * Whether, in this state, the conversation itself takes care of anything secret the user types
   * (the feedback text, which is scrubbed on arrival and never stored raw): the guard lets codes
   * and passwords through to it.
   */
  scrubsSecretsIn(_instance: DialogInstance): boolean {
    return false;
  }

  /** Runs whenever a state is shown (e.g. to save progress). */
  protected async shown(_dc: DialogContext, _state: S): Promise<void> {}

  /**
   * Typed text that is neither a button press nor a button's title. A conversation that expects
   * typed answers (e.g. a code) reads it here and returns what happens; `undefined` (the default)
   * means "not an answer", and the root re-prompts or answers it as a free question.
   * The text is not stored or repeated anywhere unless the subclass does so.
   */
  protected readText(_dc: DialogContext, _state: S, _text: string): Promise<Outcome<S> | undefined> | Outcome<S> | undefined {
    return undefined;
  }

  /** The short re-prompt for text the conversation could not read, given the card's button titles. */
  protected hint(_state: S, choices: readonly string[]): string {
    return `Please choose ${joinChoices(choices)}.`;
  }

  override async beginDialog(dc: DialogContext, options?: O): Promise<DialogTurnResult> {
    const outcome = await this.initial(dc, this.deps.newFlowId(), options);
    return this.apply(dc, outcome, false);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.stateOf(dc.activeDialog);
    const activity = dc.context.activity;
    const action = await this.readAction(state, activity.value, activity.text);
    if (action === undefined) {
      const pressed = activity.value !== undefined && activity.value !== null;
      const typed = typeof activity.text === 'string' ? activity.text : '';
      const read = pressed || typed.trim() === '' ? undefined : await this.readText(dc, state, typed);
      if (read !== undefined) return this.apply(dc, read, false);
      const card = await this.render(state);
      const titles = buttonsOf(card).filter((b) => b.kind === 'submit').map((b) => b.title);
      dc.context.turnState.set(NOT_UNDERSTOOD, new NotUnderstood(typed, this.hint(state, titles)));
      return Dialog.EndOfTurn;
    }
    if (action.flow !== state.flow || action.at !== state.at) {
      await say(dc.context, REPLIES.staleButton);
      await sendCard(dc.context, await this.render(state));
      return Dialog.EndOfTurn;
    }
    const outcome = await this.choose(dc, state, action.choice, action.inputs);
    return this.apply(dc, outcome, true);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await sendCard(context, await this.render(this.stateOf(instance)));
  }

  protected stateOf(instance: DialogInstance | undefined): S {
    const state: unknown = instance?.state;
    if (!this.isState(state)) throw new Error(`${this.id}: missing or invalid dialog state`);
    return state;
  }

  /** Checks the stored state's shape (state comes back from storage as plain JSON). */
  protected abstract isState(value: unknown): value is S;

  private async readAction(state: S, value: unknown, text: unknown): Promise<FlowAction | undefined> {
    if (value !== undefined && value !== null) {
      const parsed = parseAction(value);
      return parsed?.action === 'flow' ? parsed : undefined;
    }
    if (typeof text !== 'string') return undefined;
    const buttons = buttonsOf(await this.render(state));
    for (const wanted of candidateTitles(text)) {
      const button = buttons.find((b) => normaliseChoice(b.title) === wanted);
      if (button?.kind === 'submit') {
        const parsed = parseAction(button.data);
        if (parsed?.action === 'flow') return parsed;
      }
    }
    return undefined;
  }

  private async apply(dc: DialogContext, outcome: Outcome<S>, pressed: boolean): Promise<DialogTurnResult> {
    for (const line of outcome.say ?? []) await say(dc.context, line);
    switch (outcome.kind) {
      case 'show': {
        if (dc.activeDialog?.id === this.id) dc.activeDialog.state = outcome.state;
        const card = await this.render(outcome.state);
        if (pressed && (outcome.say ?? []).length === 0) await showCard(dc.context, card);
        else await sendCard(dc.context, card);
        await this.shown(dc, outcome.state);
        return Dialog.EndOfTurn;
      }
      case 'end': {
        if (outcome.card !== undefined) {
          if (pressed && (outcome.say ?? []).length === 0) await showCard(dc.context, outcome.card);
          else await sendCard(dc.context, outcome.card);
        }
        if (outcome.menu === true) await this.deps.showMenu(dc.context);
        return dc.endDialog();
      }
      case 'stay':
        return Dialog.EndOfTurn;
      case 'replace':
        return dc.replaceDialog(outcome.dialogId, outcome.options);
    }
  }
}
