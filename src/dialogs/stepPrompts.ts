import type { Activity, TurnContext } from 'botbuilder';
import {
  ConfirmPrompt,
  Dialog,
  PromptCultureModels,
  TextPrompt,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
  type PromptOptions,
  type PromptRecognizerResult,
  type PromptValidator,
} from 'botbuilder-dialogs';
import type { AdaptiveCard } from '../cards/schema.js';
import { readStepCard, type CardAnswer, type CardPromptOptions, type CardState } from './cardPrompt.js';
import { isRecord } from './press.js';
import { sendCard, showCard } from './send.js';

export type CardChoice = Extract<CardAnswer, { kind: 'choice' }>;

/** The step card a library prompt shows as its prompt (instead of a text message), and how it reads that card. */
export interface StepCard<S extends CardState, T> {
  readonly render: (state: S) => Promise<AdaptiveCard> | AdaptiveCard;
  readonly isState: (value: unknown) => value is S;
  /**
   * A button that answers the prompt (Yes → true, Next → the text in the card's box): its value,
   * which goes through the prompt's validator like a typed answer. `undefined` for the other
   * buttons (Back, Cancel…): they end the prompt as a `CardAnswer` choice for the waterfall.
   */
  readonly answerOf?: (choice: CardChoice, state: S, activity: Partial<Activity>) => T | undefined;
  /** Whether typed text is an attempt at an answer at all; when not, it is handed back unread (default: any text). */
  readonly reads?: (text: string, state: S) => boolean;
}

/**
 * A step-card prompt's options: the library's `PromptOptions`, the card's state in `validations`.
 * Typed answers are read as English whatever the client's locale: the bot and its cards speak English.
 */
export function stepPromptOptions<S extends CardState>(step: CardPromptOptions<S>): PromptOptions {
  return { validations: step, recognizeLanguage: PromptCultureModels.English.locale };
}

const SHOWS: readonly string[] = ['replace', 'new', 'quiet'] satisfies readonly CardPromptOptions<CardState>['show'][];

function isShow(value: unknown): value is CardPromptOptions<CardState>['show'] {
  return typeof value === 'string' && SHOWS.includes(value);
}

/** What the library keeps for a prompt on the stack: its options and its own state (the attempt count). */
interface SavedPrompt {
  readonly options: PromptOptions;
  readonly state: Record<string, unknown>;
}

function savedPrompt(instance: DialogInstance | undefined): SavedPrompt | undefined {
  const value: unknown = instance?.state;
  if (!isRecord(value) || !isRecord(value.options) || !isRecord(value.state)) return undefined;
  return { options: value.options, state: value.state };
}

/** The card state of a step-card prompt on the stack (undefined for any other dialog). */
export function stepStateOf<S extends CardState>(instance: DialogInstance | undefined, isState: (value: unknown) => value is S): S | undefined {
  const step = savedPrompt(instance)?.options.validations;
  return isRecord(step) && isState(step.state) ? step.state : undefined;
}

/**
 * What a library prompt does differently on a step card. It sends the card (replacing the pressed
 * card in Teams), recognises the card's buttons as `CardPrompt` does (stale presses included), and
 * gives typed text to the library prompt: its recogniser, the validator, and its re-prompt (the
 * card again, unless the validator has already said why). Text the recogniser cannot read, or that
 * is no attempt at an answer, ends the prompt as `notUnderstood` for the root's route list (a
 * question typed mid-step is answered there), rather than re-prompting for ever.
 */
class OnStepCard<S extends CardState, T> {
  constructor(
    private readonly id: string,
    private readonly card: StepCard<S, T>,
    private readonly check: PromptValidator<T> | undefined,
  ) {}

  async prompt(context: TurnContext, options: PromptOptions, isRetry: boolean): Promise<void> {
    const { state, show } = this.stepOf(options);
    if (!isRetry && show === 'quiet') return;
    const card = await this.card.render(state);
    await (!isRetry && show === 'replace' ? showCard(context, card) : sendCard(context, card));
  }

  async reprompt(context: TurnContext, instance: DialogInstance): Promise<void> {
    await sendCard(context, await this.card.render(this.stepOf(this.saved(instance).options).state));
  }

  /** `recognize` is the library prompt's recogniser; `library` its own `continueDialog` (recognise, validate, end or re-prompt). */
  async continue(
    dc: DialogContext,
    recognize: (saved: SavedPrompt) => Promise<PromptRecognizerResult<T>>,
    library: () => Promise<DialogTurnResult>,
  ): Promise<DialogTurnResult> {
    const saved = this.saved(dc.activeDialog);
    const { state } = this.stepOf(saved.options);
    const answer = await readStepCard(dc, state, this.card.render);
    if (answer === undefined) return Dialog.EndOfTurn;
    if (answer.kind === 'choice') {
      const value = this.card.answerOf?.(answer, state, dc.context.activity);
      return value === undefined ? dc.endDialog(answer) : this.settle(dc, saved, value);
    }
    if (answer.text === '' || this.card.reads?.(answer.text, state) === false) return dc.endDialog(answer);
    if (!(await recognize(saved)).succeeded) return dc.endDialog(answer);
    return library();
  }

  /**
   * A button's answer, validated like a typed one. The library's `continueDialog` does this for
   * message activities only, and a Universal Action press arrives as an invoke.
   */
  private async settle(dc: DialogContext, saved: SavedPrompt, value: T): Promise<DialogTurnResult> {
    const recognized = { succeeded: true, value };
    const attemptCount = (typeof saved.state.attemptCount === 'number' ? saved.state.attemptCount : 0) + 1;
    saved.state.attemptCount = attemptCount;
    const valid = this.check === undefined || (await this.check({ context: dc.context, recognized, state: saved.state, options: saved.options, attemptCount }));
    if (valid) return dc.endDialog(recognized.value);
    if (!dc.context.responded) await this.prompt(dc.context, saved.options, true);
    return Dialog.EndOfTurn;
  }

  private saved(instance: DialogInstance | undefined): SavedPrompt {
    const saved = savedPrompt(instance);
    if (saved === undefined) throw new Error(`${this.id}: missing prompt state`);
    return saved;
  }

  private stepOf(options: PromptOptions): CardPromptOptions<S> {
    const step = options.validations;
    if (!isRecord(step) || !this.card.isState(step.state) || !isShow(step.show)) throw new Error(`${this.id}: missing or invalid card state`);
    return { state: step.state, show: step.show };
  }
}

// The two classes below only hand the library prompt's hooks to OnStepCard. A mixin cannot do it
// once for both: its base would be the abstract Prompt<T>, whose recogniser TypeScript then wants
// implemented again.

/** The library's `TextPrompt` (with its validator) on a step card: the feedback text, the practice code. */
export class CardTextPrompt<S extends CardState> extends TextPrompt {
  private readonly onCard: OnStepCard<S, string>;

  constructor(id: string, card: StepCard<S, string>, validator?: PromptValidator<string>) {
    super(id, validator);
    this.onCard = new OnStepCard(id, card, validator);
  }

  protected override onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    return this.onCard.prompt(context, options, isRetry);
  }

  override repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    return this.onCard.reprompt(context, instance);
  }

  override continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.onCard.continue(dc, (saved) => this.onRecognize(dc.context, saved.state, saved.options), () => super.continueDialog(dc));
  }
}

/** The library's `ConfirmPrompt` on a step card: typed "yep" or "no thanks" as well as the card's Yes and No. */
export class CardConfirmPrompt<S extends CardState> extends ConfirmPrompt {
  private readonly onCard: OnStepCard<S, boolean>;

  constructor(id: string, card: StepCard<S, boolean>, validator?: PromptValidator<boolean>) {
    super(id, validator);
    this.onCard = new OnStepCard(id, card, validator);
  }

  protected override onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    return this.onCard.prompt(context, options, isRetry);
  }

  override repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    return this.onCard.reprompt(context, instance);
  }

  override continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.onCard.continue(dc, (saved) => this.onRecognize(dc.context, saved.state, saved.options), () => super.continueDialog(dc));
  }
}
