import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { parseAction } from '../cards/actions.js';
import { buttonsOf, normaliseChoice } from '../cards/choices.js';
import type { AdaptiveCard } from '../cards/schema.js';
import { REPLIES } from '../content/ui.js';
import { candidateTitles } from './commands.js';
import { pressOf, typedText } from './press.js';
import { say, sendCard, showCard } from './send.js';

/** What a card prompt hands back to its waterfall. */
export type CardAnswer =
  /** One of the card's buttons, pressed or typed by its title. */
  | { readonly kind: 'choice'; readonly choice: string; readonly inputs: Readonly<Record<string, string>>; readonly pressed: boolean }
  /** Typed text that names none of the buttons (the conversation may still read it, e.g. a code). */
  | { readonly kind: 'notUnderstood'; readonly text: string; readonly titles: readonly string[] };

export interface CardPromptOptions<S> {
  /** The conversation's state, from which the card is drawn (again, on a re-prompt). */
  readonly state: S;
  /** The card's identity: its conversation instance and step; a press from any other card is stale. */
  readonly flow: string;
  readonly at: string;
  /** How the card goes out: replacing the pressed card, as a new message, or not at all (already showing). */
  readonly show: 'replace' | 'new' | 'quiet';
}

/** A button's title and, for a button that answers this step, its choice. */
interface Button {
  readonly title: string;
  readonly choice?: string;
}

interface PromptState<S> {
  readonly state: S;
  readonly flow: string;
  readonly at: string;
  readonly buttons: readonly Button[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Shows one card and waits for one of its buttons. A press of one of them, or its title typed
 * ("next", "y" for Yes), ends the prompt with that choice; a press from an older card is stale: the
 * user is told and the card shown again; any other text ends the prompt as not understood, for the
 * conversation (and the root's route list) to deal with.
 */
export class CardPrompt<S> extends Dialog<CardPromptOptions<S>> {
  constructor(
    id: string,
    private readonly render: (state: S) => Promise<AdaptiveCard> | AdaptiveCard,
    private readonly isState: (value: unknown) => value is S,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: CardPromptOptions<S>): Promise<DialogTurnResult> {
    if (options === undefined) throw new Error(`${this.id}: a card prompt needs options`);
    const card = await this.render(options.state);
    const buttons = buttonsOf(card).flatMap((b): Button[] => {
      if (b.kind !== 'submit') return [];
      const action = parseAction(b.data);
      return [action?.action === 'flow' ? { title: b.title, choice: action.choice } : { title: b.title }];
    });
    const state: PromptState<S> = { state: options.state, flow: options.flow, at: options.at, buttons };
    if (dc.activeDialog !== undefined) dc.activeDialog.state = state;
    if (options.show === 'replace') await showCard(dc.context, card);
    else if (options.show === 'new') await sendCard(dc.context, card);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const prompt = this.promptState(dc.activeDialog);
    const value = pressOf(dc.context.activity);
    if (value !== undefined) {
      const action = parseAction(value);
      if (action?.action !== 'flow') return Dialog.EndOfTurn;
      if (action.flow !== prompt.flow || action.at !== prompt.at) {
        await say(dc.context, REPLIES.staleButton);
        await sendCard(dc.context, await this.render(prompt.state));
        return Dialog.EndOfTurn;
      }
      return dc.endDialog({ kind: 'choice', choice: action.choice, inputs: action.inputs, pressed: true } satisfies CardAnswer);
    }
    const text = typedText(dc.context.activity);
    for (const wanted of candidateTitles(text)) {
      const choice = prompt.buttons.find((b) => normaliseChoice(b.title) === wanted)?.choice;
      if (choice !== undefined) return dc.endDialog({ kind: 'choice', choice, inputs: {}, pressed: false } satisfies CardAnswer);
    }
    return dc.endDialog({ kind: 'notUnderstood', text, titles: prompt.buttons.map((b) => b.title) } satisfies CardAnswer);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await sendCard(context, await this.render(this.promptState(instance).state));
  }

  private promptState(instance: DialogInstance | undefined): PromptState<S> {
    const value: unknown = instance?.state;
    if (!isRecord(value) || typeof value.flow !== 'string' || typeof value.at !== 'string' || !Array.isArray(value.buttons) || !this.isState(value.state)) {
      throw new Error(`${this.id}: missing or invalid prompt state`);
    }
    const buttons = value.buttons.flatMap((b: unknown): Button[] => {
      if (!isRecord(b) || typeof b.title !== 'string') return [];
      return [typeof b.choice === 'string' ? { title: b.title, choice: b.choice } : { title: b.title }];
    });
    return { state: value.state, flow: value.flow, at: value.at, buttons };
  }
}
