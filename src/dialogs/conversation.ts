import { ComponentDialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { AdaptiveCard } from '../cards/schema.js';
import type { ConversationId } from '../content/conversations.js';
import { CardPrompt, type CardAnswer, type CardPromptOptions, type CardState } from './cardPrompt.js';
import { isRecord, pressOf } from './press.js';
import { say, sendCard, showCard } from './send.js';
import { stepPromptOptions, stepStateOf } from './stepPrompts.js';

/** Every guided conversation keeps which instance it is (`flow`) and which card is showing (`at`): the state its card prompt draws from. */
export type FlowState = CardState;

/** What a step does next: show a card (the same step again, or another), end, or hand over. */
export type Outcome<S> =
  | { readonly kind: 'show'; readonly state: S; readonly say?: readonly string[] }
  /** Keep the current card and state; only say something (e.g. "that doesn't look like a code"). */
  | { readonly kind: 'stay'; readonly say: readonly string[] }
  | { readonly kind: 'end'; readonly say?: readonly string[]; readonly card?: AdaptiveCard; readonly menu?: boolean }
  | { readonly kind: 'replace'; readonly dialogId: string; readonly options?: object; readonly say?: readonly string[] };

/**
 * What a conversation hands back to the root when it ends: nothing, "show the menu", "start this
 * other conversation", or "I could not read this text" with where to pick up again.
 */
export type ConversationResult =
  | { readonly kind: 'menu' }
  | { readonly kind: 'switch'; readonly dialogId: string; readonly options?: object }
  | { readonly kind: 'notUnderstood'; readonly text: string; readonly hint: string; readonly resume: ResumeOptions };

/** Begins a conversation at a given state (the state it had when it handed a question to the root). */
export interface ResumeOptions {
  readonly resume: unknown;
  /** Show the step's card again (after an answer), or not (after a short re-prompt). */
  readonly showCard: boolean;
}

export { isRecord };

/** The common part of every guided conversation's stored state. */
export function isFlowState(value: unknown): value is Record<string, unknown> & FlowState {
  return isRecord(value) && typeof value.flow === 'string' && typeof value.at === 'string';
}

export function isResume(value: unknown): value is ResumeOptions {
  return isRecord(value) && 'resume' in value && typeof value.showCard === 'boolean';
}

export function isConversationResult(value: unknown): value is ConversationResult {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case 'menu':
      return true;
    case 'switch':
      return typeof value.dialogId === 'string';
    case 'notUnderstood':
      return typeof value.text === 'string' && typeof value.hint === 'string' && isResume(value.resume);
    default:
      return false;
  }
}

/** "A, B or C". */
export function joinChoices(titles: readonly string[]): string {
  if (titles.length <= 1) return titles.join('');
  return `${titles.slice(0, -1).join(', ')} or ${titles[titles.length - 1] ?? ''}`;
}

export interface ConversationDeps {
  readonly newFlowId: () => string;
}

/** The waterfall's options: the state to show, and how its card goes out. */
interface StepOptions<S extends FlowState> {
  readonly state: S;
  readonly show: CardPromptOptions<S>['show'];
}

const STEPS = 'steps';
const CARD = 'card';

/**
 * A guided conversation: a ComponentDialog holding one two-step waterfall — show the step's card
 * through a card prompt, then act on the answer — and the prompt. Moving on (Next, Back, a loop)
 * is `replaceDialog` of the waterfall with the next state in its options, the library's loop
 * pattern. Subclasses say what the first state is, which card a state shows and what a choice or
 * typed answer does.
 */
export abstract class CardConversation<S extends FlowState, O extends object = object> extends ComponentDialog<O> {
  protected constructor(
    id: string,
    readonly conversation: ConversationId,
    protected readonly deps: ConversationDeps,
  ) {
    super(id);
    this.addDialog(new WaterfallDialog<StepOptions<S>>(STEPS, [(step) => this.ask(step), (step) => this.act(step)]));
    this.addDialog(new CardPrompt<S>(CARD, (s) => this.render(s), (v): v is S => this.isState(v)));
    this.initialDialogId = STEPS;
  }

  protected abstract initial(dc: DialogContext, flow: string, options: O | undefined): Promise<Outcome<S>> | Outcome<S>;
  /** The card a state shows. May be async (e.g. a card with a generated image); keep it free of side effects. */
  protected abstract render(state: S): Promise<AdaptiveCard> | AdaptiveCard;
  protected abstract choose(dc: DialogContext, state: S, choice: string, inputs: Readonly<Record<string, string>>): Promise<Outcome<S>> | Outcome<S>;
  /** Checks the stored state's shape (state comes back from storage as plain JSON). */
  protected abstract isState(value: unknown): value is S;

  /** Whether, in this state, the user is expected to type a verification code (the practice step). */
  protected acceptsCodeIn(_state: S): boolean {
    return false;
  }

  /** Whether, in this state, the conversation itself scrubs anything secret the user types (the feedback text). */
  protected scrubsSecretsIn(_state: S): boolean {
    return false;
  }

  /** Given this conversation's own (inner) dialog context: is it waiting for a (practice) code? */
  acceptsCode(inner: DialogContext): boolean {
    const state = this.stateIn(inner);
    return state !== undefined && this.acceptsCodeIn(state);
  }

  /** Given this conversation's own (inner) dialog context: does it scrub secrets from what is typed? */
  scrubsSecrets(inner: DialogContext): boolean {
    const state = this.stateIn(inner);
    return state !== undefined && this.scrubsSecretsIn(state);
  }

  /**
   * The prompt that shows a state's card: the card prompt (`undefined`, the default) or one of the
   * library's prompts on a step card that the subclass added (`stepPrompts.ts`), by its id.
   */
  protected promptIn(_state: S): string | undefined {
    return undefined;
  }

  /** Runs whenever a state is shown (e.g. to save progress). */
  protected async shown(_dc: DialogContext, _state: S): Promise<void> {}

  /**
   * Typed text that is not a button's title. A conversation that expects typed answers (a code,
   * the feedback text) reads it here; `undefined` (the default) means "not an answer", and the
   * root answers it as a question or re-prompts. The text is not stored unless the subclass does so.
   */
  protected readText(_dc: DialogContext, _state: S, _text: string): Promise<Outcome<S> | undefined> | Outcome<S> | undefined {
    return undefined;
  }

  /** The short re-prompt for text the conversation could not read, given the card's button titles. */
  protected hint(_state: S, choices: readonly string[]): string {
    return `Please choose ${joinChoices(choices)}.`;
  }

  /** The state of the step showing now, given this conversation's own (inner) dialog context. */
  stateIn(inner: DialogContext): S | undefined {
    const top = inner.activeDialog;
    if (top === undefined || top.id === STEPS) return undefined;
    if (top.id !== CARD) return stepStateOf(top, (v): v is S => this.isState(v));
    const value: unknown = top.state;
    return isRecord(value) && this.isState(value.state) ? value.state : undefined;
  }

  protected override async onBeginDialog(inner: DialogContext, options?: O): Promise<DialogTurnResult> {
    if (isResume(options)) {
      if (!this.isState(options.resume)) throw new Error(`${this.id}: invalid state to resume`);
      return inner.beginDialog(STEPS, { state: options.resume, show: options.showCard ? 'new' : 'quiet' } satisfies StepOptions<S>);
    }
    return this.apply(inner, await this.initial(inner, this.deps.newFlowId(), options), undefined, false);
  }

  private async ask(step: WaterfallStepContext<StepOptions<S>>): Promise<DialogTurnResult> {
    const { state, show } = step.options;
    await this.shown(step, state);
    const prompt = this.promptIn(state);
    const card: CardPromptOptions<S> = { state, show };
    return prompt === undefined ? step.beginDialog(CARD, card) : step.prompt(prompt, stepPromptOptions(card));
  }

  private async act(step: WaterfallStepContext<StepOptions<S>>): Promise<DialogTurnResult> {
    const state = step.options.state;
    const answer: CardAnswer | string | boolean = step.result;
    const pressed = pressOf(step.context.activity) !== undefined;
    // A library prompt's answer: a confirm prompt's yes or no is the card's Yes or No; a text prompt's validated text is read as typed.
    if (typeof answer === 'boolean') return this.apply(step, await this.choose(step, state, answer ? 'yes' : 'no', {}), state, pressed);
    if (typeof answer === 'string') return this.apply(step, (await this.readText(step, state, answer)) ?? { kind: 'stay', say: [] }, state, pressed);
    if (answer.kind === 'choice') return this.apply(step, await this.choose(step, state, answer.choice, answer.inputs), state, answer.pressed);
    const read = answer.text === '' ? undefined : await this.readText(step, state, answer.text);
    if (read !== undefined) return this.apply(step, read, state, false);
    const result: ConversationResult = { kind: 'notUnderstood', text: answer.text, hint: this.hint(state, answer.titles), resume: { resume: state, showCard: false } };
    return step.endDialog(result);
  }

  private async apply(dc: DialogContext, outcome: Outcome<S>, current: S | undefined, pressed: boolean): Promise<DialogTurnResult> {
    const said = outcome.say ?? [];
    for (const line of said) await say(dc.context, line);
    const replace = pressed && said.length === 0;
    switch (outcome.kind) {
      case 'show': {
        const options: StepOptions<S> = { state: outcome.state, show: replace ? 'replace' : 'new' };
        return current === undefined ? dc.beginDialog(STEPS, options) : dc.replaceDialog(STEPS, options);
      }
      case 'stay':
        if (current === undefined) throw new Error(`${this.id}: nothing to stay on`);
        return dc.replaceDialog(STEPS, { state: current, show: 'quiet' } satisfies StepOptions<S>);
      case 'end': {
        if (outcome.card !== undefined) await (replace ? showCard(dc.context, outcome.card) : sendCard(dc.context, outcome.card));
        return dc.endDialog(outcome.menu === true ? ({ kind: 'menu' } satisfies ConversationResult) : undefined);
      }
      case 'replace':
        return dc.endDialog({ kind: 'switch', dialogId: outcome.dialogId, ...(outcome.options === undefined ? {} : { options: outcome.options }) } satisfies ConversationResult);
    }
  }
}
