import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { parseAction } from '../cards/actions.js';
import { buttonsOf, normaliseChoice } from '../cards/choices.js';
import type { AdaptiveCard } from '../cards/schema.js';
import { REPLIES } from '../content/ui.js';
import { candidateTitles } from './commands.js';
import { isRecord, pressOf, typedText } from './press.js';
import { say, sendCard, showCard } from './send.js';

/** What a card prompt hands back to its waterfall. */
export type CardAnswer =
  /** One of the card's buttons, pressed or typed by its title. */
  | { readonly kind: 'choice'; readonly choice: string; readonly inputs: Readonly<Record<string, string>>; readonly pressed: boolean }
  /** Typed text that names none of the buttons (the conversation may still read it, e.g. a code). */
  | { readonly kind: 'notUnderstood'; readonly text: string; readonly titles: readonly string[] };

/** The state a card is drawn from: its conversation instance (`flow`) and step (`at`) identify the card. */
export interface CardState {
  readonly flow: string;
  readonly at: string;
}

export interface CardPromptOptions<S extends CardState> {
  /** The conversation's state, from which the card is drawn (again, on a re-prompt). A press from any other card is stale. */
  readonly state: S;
  /** How the card goes out: replacing the pressed card, as a new message, or not at all (already showing). */
  readonly show: 'replace' | 'new' | 'quiet';
}

/** What the prompt keeps between turns: only the state its card is drawn from (not the card). */
interface PromptState<S> {
  readonly state: S;
}

/**
 * Shows one card and waits for one of its buttons. A press of one of them, or its title typed
 * ("next", "y" for Yes), ends the prompt with that choice; a press from an older card is stale: the
 * user is told and the card shown again; any other text ends the prompt as not understood, for the
 * conversation (and the root's route list) to deal with.
 */
export class CardPrompt<S extends CardState> extends Dialog<CardPromptOptions<S>> {
  constructor(
    id: string,
    private readonly render: (state: S) => Promise<AdaptiveCard> | AdaptiveCard,
    private readonly isState: (value: unknown) => value is S,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: CardPromptOptions<S>): Promise<DialogTurnResult> {
    if (options === undefined) throw new Error(`${this.id}: a card prompt needs options`);
    const state: PromptState<S> = { state: options.state };
    if (dc.activeDialog !== undefined) dc.activeDialog.state = state;
    if (options.show === 'quiet') return Dialog.EndOfTurn;
    const card = await this.render(options.state);
    if (options.show === 'replace') await showCard(dc.context, card);
    else await sendCard(dc.context, card);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const answer = await readStepCard(dc, this.promptState(dc.activeDialog).state, this.render);
    return answer === undefined ? Dialog.EndOfTurn : dc.endDialog(answer);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await sendCard(context, await this.render(this.promptState(instance).state));
  }

  private promptState(instance: DialogInstance | undefined): PromptState<S> {
    const value: unknown = instance?.state;
    if (!isRecord(value) || !this.isState(value.state)) throw new Error(`${this.id}: missing or invalid prompt state`);
    return { state: value.state };
  }
}

/**
 * What this turn says to the step card drawn from `state`: one of its buttons (pressed, or its
 * title typed), or typed text that names none of them. `undefined` when the turn is already dealt
 * with: a press that is not a step's (ignored) or from an older card (told so, the card shown again).
 * Every prompt that shows a step card (this one and the library prompts in stepPrompts.ts) reads presses here.
 */
export async function readStepCard<S extends CardState>(
  dc: DialogContext,
  state: S,
  render: (state: S) => Promise<AdaptiveCard> | AdaptiveCard,
): Promise<CardAnswer | undefined> {
  const value = pressOf(dc.context.activity);
  if (value !== undefined) {
    const action = parseAction(value);
    if (action?.action !== 'flow') return undefined;
    if (action.flow !== state.flow || action.at !== state.at) {
      await say(dc.context, REPLIES.staleButton);
      await sendCard(dc.context, await render(state));
      return undefined;
    }
    return { kind: 'choice', choice: action.choice, inputs: action.inputs, pressed: true };
  }
  const text = typedText(dc.context.activity);
  const buttons = buttonsOf(await render(state)).flatMap((b) => (b.kind === 'submit' ? [{ title: b.title, action: parseAction(b.data) }] : []));
  for (const wanted of candidateTitles(text)) {
    const action = buttons.find((b) => normaliseChoice(b.title) === wanted && b.action?.action === 'flow')?.action;
    if (action?.action === 'flow') return { kind: 'choice', choice: action.choice, inputs: {}, pressed: false };
  }
  return { kind: 'notUnderstood', text, titles: buttons.map((b) => b.title) };
}
