import { ComponentDialog, WaterfallDialog, type DialogContext, type DialogInstance, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { AdaptiveCard } from '../cards/schema.js';
import type { ConversationId } from '../content/conversations.js';
import type { Funnel } from '../funnel/events.js';
import { CardPrompt, type CardAnswer, type CardPromptOptions, type CardState } from './cardPrompt.js';
import { isRecord, pressOf } from './press.js';
import { say, sendCard, showCard } from './send.js';
import { stepPromptOptions, stepStateOf } from './stepPrompts.js';

/** Every guided conversation keeps which instance it is (`flow`) and which card is showing (`at`): the state its card prompt draws from. */
export type FlowState = CardState;

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
  /** Counts the enrolment funnel (no person, no text): one synchronous call per event. */
  readonly funnel: Funnel;
}

const CARD = 'card';

/** A named-steps waterfall's options: the state to start from (its step is shown, those before it skipped), and whether its card is showing already. */
interface StepsBegin<S> {
  readonly run: S;
  /** How the first card goes out: as a new message (a conversation starting), not at all (already on screen); absent, in place of a pressed card. */
  readonly first?: 'new' | 'quiet';
}

/** The answer a step acts on: a button (pressed or its title typed), or a library prompt's value (text prompts' text, confirm prompts' yes or no). */
export type StepAnswer = Extract<CardAnswer, { kind: 'choice' }> | string | boolean;

const WATERFALL = 'waterfall';

/** The waterfall's own values (kept with it between turns): `run`, the state now; `shown`, a card has been shown. */
function valuesOf(step: WaterfallStepContext): Record<string, unknown> {
  const values: unknown = step.values;
  if (!isRecord(values)) throw new Error('waterfall values missing');
  return values;
}

/**
 * A guided conversation: a ComponentDialog whose cards are the named steps of one waterfall, two
 * waterfall steps each: show the card through its prompt (the card prompt, or a library prompt the
 * subclass adds), act on the answer. The state says which card is current (`stepOf`); every step
 * before it, or not wanted now, is skipped with `step.next()`. Moving forward goes on down the
 * waterfall with `step.next()`; moving back (Back, Edit, "ask me again"), looping (the next fix,
 * another try) or staying restarts it with `replaceDialog`, the state to show in its options.
 * It ends in one of the ways the root understands: nothing, the menu, another conversation, or
 * text it could not read with the state to pick up again at.
 */
export abstract class StepsConversation<S extends FlowState, O extends object = object> extends ComponentDialog<O> {
  private readonly steps: readonly string[];

  protected constructor(
    id: string,
    readonly conversation: ConversationId,
    protected readonly deps: ConversationDeps,
    steps: readonly string[],
  ) {
    super(id);
    this.steps = steps;
    const pairs = steps.flatMap((name) => [(step: WaterfallStepContext<StepsBegin<S>>) => this.ask(step, name), (step: WaterfallStepContext<StepsBegin<S>>) => this.take(step, name)]);
    this.addDialog(new WaterfallDialog<StepsBegin<S>>(WATERFALL, pairs));
    this.addDialog(new CardPrompt<S>(CARD, (s) => this.render(s), (v): v is S => this.isState(v)));
    this.initialDialogId = WATERFALL;
  }

  /** The card a state shows. May be async (e.g. a card with a generated image); keep it free of side effects. */
  protected abstract render(state: S): Promise<AdaptiveCard> | AdaptiveCard;
  /** Checks the stored state's shape (state comes back from storage as plain JSON). */
  protected abstract isState(value: unknown): value is S;
  /** Begins the conversation afresh (`flow` names this instance of it), usually with `begin`. */
  protected abstract start(inner: DialogContext, flow: string, options: O | undefined): Promise<DialogTurnResult>;
  /** The step whose card a state shows. */
  protected abstract stepOf(state: S): string;
  /** Acts on the answer to a step's card (text it could not read has gone to `readText`, then the root). */
  protected abstract act(step: WaterfallStepContext, state: S, answer: StepAnswer): Promise<DialogTurnResult>;

  /**
   * Typed text that is not a button's title. A conversation that expects typed answers (a code,
   * a step's problem in the user's words, a rating) reads it here; `undefined` (the default) means
   * "not an answer", and it goes back to the root. The text is not stored unless the subclass does so.
   */
  protected readText(_step: WaterfallStepContext, _state: S, _text: string): Promise<DialogTurnResult | undefined> | undefined {
    return undefined;
  }

  /** The short re-prompt for text the conversation could not read, given the card's button titles. */
  protected hint(_state: S, choices: readonly string[]): string {
    return `Please choose ${joinChoices(choices)}.`;
  }

  /** Runs whenever a state's card is about to be shown (e.g. to save progress). */
  protected async shown(_dc: DialogContext, _state: S): Promise<void> {}

  /** Text the card's prompt could not read: the conversation's own reading of it, else back to the root. */
  private async unread(step: WaterfallStepContext, state: S, answer: Extract<CardAnswer, { kind: 'notUnderstood' }>): Promise<DialogTurnResult> {
    const read = answer.text === '' ? undefined : await this.readText(step, state, answer.text);
    return read ?? this.handBack(step, state, answer.text, this.hint(state, answer.titles));
  }

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

  /** The state of the card showing now, given this conversation's own (inner) dialog context. */
  stateIn(inner: DialogContext): S | undefined {
    const top = inner.activeDialog;
    const isState = (v: unknown): v is S => this.isState(v);
    if (top?.id !== CARD) return stepStateOf(top, isState);
    const value: unknown = top.state;
    return isRecord(value) && isState(value.state) ? value.state : undefined;
  }

  /**
   * A save of this conversation made by an earlier version of the bot, whose inner steps had other
   * dialog ids: the options that resume it quietly at the card it showed, where that card's state
   * still reads (every version's card prompt kept `{ state }`); `null` when it does not read;
   * `undefined` when the save is this version's own.
   */
  earlierSave(saved: DialogInstance): ResumeOptions | null | undefined {
    const value: unknown = isRecord(saved.state) && isRecord(saved.state.dialogs) ? saved.state.dialogs.dialogStack : undefined;
    const inner = Array.isArray(value) ? value : [];
    if (inner.every((i) => isRecord(i) && typeof i.id === 'string' && this.findDialog(i.id) !== undefined)) return undefined;
    const state: unknown = inner.map((i: unknown) => (isRecord(i) && isRecord(i.state) ? i.state.state : undefined)).find((v) => this.isState(v));
    return state === undefined ? null : { resume: state, showCard: false };
  }

  protected override async onBeginDialog(inner: DialogContext, options?: O): Promise<DialogTurnResult> {
    if (!isResume(options)) return this.start(inner, this.deps.newFlowId(), options);
    if (!this.isState(options.resume)) throw new Error(`${this.id}: invalid state to resume`);
    return this.resume(inner, options.resume, options.showCard ? 'new' : 'quiet');
  }

  /** Shows a state's card through its prompt: the card prompt, or a library prompt the subclass added (by id). */
  private prompt(step: WaterfallStepContext, card: CardPromptOptions<S>, libraryPrompt?: string): Promise<DialogTurnResult> {
    return libraryPrompt === undefined ? step.beginDialog(CARD, card) : step.prompt(libraryPrompt, stepPromptOptions(card));
  }

  /** How the next card goes out: in place of the pressed card, unless something has been said this turn. */
  protected showNext(dc: DialogContext): 'replace' | 'new' {
    return pressOf(dc.context.activity) !== undefined && !dc.context.responded ? 'replace' : 'new';
  }

  protected async tell(dc: DialogContext, said: readonly string[]): Promise<void> {
    for (const line of said) await say(dc.context, line);
  }

  /** Ends the conversation: after a last message or card, and with the menu if asked for. */
  protected async end(dc: DialogContext, ending: { readonly say?: readonly string[]; readonly card?: AdaptiveCard; readonly menu?: boolean } = {}): Promise<DialogTurnResult> {
    await this.tell(dc, ending.say ?? []);
    if (ending.card !== undefined) await (this.showNext(dc) === 'replace' ? showCard(dc.context, ending.card) : sendCard(dc.context, ending.card));
    return dc.endDialog(ending.menu === true ? ({ kind: 'menu' } satisfies ConversationResult) : undefined);
  }

  /** Ends the conversation and has the root start another. */
  protected switchTo(dc: DialogContext, dialogId: string, options?: object): Promise<DialogTurnResult> {
    return dc.endDialog({ kind: 'switch', dialogId, ...(options === undefined ? {} : { options }) } satisfies ConversationResult);
  }

  /** Text the conversation could not read goes back to the root (a question is answered there), with where to pick up again. */
  protected handBack(dc: DialogContext, state: S, text: string, hint: string): Promise<DialogTurnResult> {
    return dc.endDialog({ kind: 'notUnderstood', text, hint, resume: { resume: state, showCard: false } } satisfies ConversationResult);
  }

  /** The library prompt that shows a step's card instead of the card prompt (its id), if any. */
  protected promptAt(_step: string): string | undefined {
    return undefined;
  }

  private resume(inner: DialogContext, run: S, show: 'new' | 'quiet'): Promise<DialogTurnResult> {
    return inner.beginDialog(WATERFALL, { run, first: show } satisfies StepsBegin<S>);
  }

  /** Begins the waterfall at the step of `run`. */
  protected begin(inner: DialogContext, run: S): Promise<DialogTurnResult> {
    return inner.beginDialog(WATERFALL, { run, first: 'new' } satisfies StepsBegin<S>);
  }

  /** To the card of `run`: on down the waterfall when it comes later, else the waterfall again from it. */
  protected async moveTo(step: WaterfallStepContext, run: S, said: readonly string[] = []): Promise<DialogTurnResult> {
    await this.tell(step, said);
    const from = this.steps.indexOf(this.stepOf(this.runOf(step)));
    if (this.steps.indexOf(this.stepOf(run)) <= from) return step.replaceDialog(WATERFALL, { run } satisfies StepsBegin<S>);
    valuesOf(step).run = run;
    return step.next();
  }

  /** The same card again: shown anew, or (after a short message) left where it is. */
  protected async stay(step: WaterfallStepContext, run: S, said: readonly string[] = []): Promise<DialogTurnResult> {
    await this.tell(step, said);
    return step.replaceDialog(WATERFALL, said.length > 0 ? ({ run, first: 'quiet' } satisfies StepsBegin<S>) : ({ run } satisfies StepsBegin<S>));
  }

  /** Shows this step's card, or skips the step when the conversation is not at it. */
  private async ask(step: WaterfallStepContext<StepsBegin<S>>, name: string): Promise<DialogTurnResult> {
    const run = this.runOf(step);
    if (this.stepOf(run) !== name) return step.next();
    const values = valuesOf(step);
    const first = values.shown === true ? undefined : step.options.first;
    values.shown = true;
    await this.shown(step, run);
    return this.prompt(step, { state: run, show: first ?? this.showNext(step) }, this.promptAt(name));
  }

  /** Acts on the answer to this step's card (nothing to do when the step was skipped). */
  private take(step: WaterfallStepContext<StepsBegin<S>>, name: string): Promise<DialogTurnResult> {
    const run = this.runOf(step);
    if (this.stepOf(run) !== name) return step.next();
    const answer: CardAnswer | string | boolean = step.result;
    return typeof answer === 'object' && answer.kind === 'notUnderstood' ? this.unread(step, run, answer) : this.act(step, run, answer);
  }

  /**
   * The state now, kept in the waterfall's values. It arrives in the options and moves from there
   * into the values, so that nothing a later state drops (a practice secret) stays in the options.
   */
  private runOf(step: WaterfallStepContext): S {
    const values = valuesOf(step);
    const options: unknown = step.options;
    if (isRecord(options) && options.run !== undefined) {
      values.run = options.run;
      delete options.run;
    }
    const value: unknown = values.run;
    if (!this.isState(value)) throw new Error(`${this.id}: missing or invalid state`);
    if (!this.steps.includes(this.stepOf(value))) throw new Error(`${this.id}: no step ${this.stepOf(value)}`);
    return value;
  }
}
