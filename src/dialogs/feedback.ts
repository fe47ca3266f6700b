import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import {
  FEEDBACK_TEXT_INPUT,
  feedbackContactCard,
  feedbackEditCard,
  feedbackRatingCard,
  feedbackRoleCard,
  feedbackSummaryCard,
  feedbackTextCard,
  feedbackThanksCard,
  feedbackTopicCard,
  type FeedbackAnswers,
  type FeedbackStepView,
} from '../cards/feedback.js';
import type { AdaptiveCard } from '../cards/schema.js';
import { FEEDBACK } from '../content/feedback.js';
import {
  checkFeedbackText,
  isFeedbackCategory,
  isFeedbackRating,
  isFeedbackRole,
  type FeedbackCategory,
  type FeedbackContact,
  type FeedbackLogger,
  type FeedbackRating,
  type FeedbackRole,
  type FeedbackService,
} from '../feedback/index.js';
import { REMOVED_KINDS, type RemovedKind } from '../privacy/index.js';
import { typedRating, typedRole, typedTopic, typedYesNo } from './feedbackReplies.js';
import { isFlowState, isRecord, StepsConversation, type ConversationDeps, type FlowState, type StepAnswer } from './conversation.js';
import { canLookUpMember, usableContact, type MemberInfo } from './memberInfo.js';
import { say } from './send.js';
import { CardTextPrompt, type CardChoice } from './stepPrompts.js';

export const FEEDBACK_DIALOG = 'feedback';
const TEXT_PROMPT = 'feedback-text';

/** The questions in order; `contact` only where the channel can tell us who the user is (Teams). */
type Question = 'topic' | 'rating' | 'text' | 'role' | 'contact';
type Step = Question | 'summary' | 'edit';

/** The waterfall's cards in order. */
const STEPS: readonly Step[] = ['topic', 'rating', 'text', 'role', 'contact', 'summary', 'edit'];
const QUESTIONS: readonly Question[] = ['topic', 'rating', 'text', 'role', 'contact'];

/**
 * The dialog's state. `text` is only ever the scrubbed text (checkFeedbackText runs before it is
 * kept); what the user typed or pasted is never stored. `n` counts the cards shown so that every
 * card has its own `at` and a press on an older one is recognised.
 */
interface FeedbackState extends FlowState {
  readonly step: Step;
  readonly n: number;
  readonly canContact: boolean;
  /** Set once the summary has been shown: from then on every question returns to it. */
  readonly reviewed: boolean;
  readonly category?: FeedbackCategory;
  readonly rating?: FeedbackRating | null;
  readonly text?: string;
  readonly removed?: readonly RemovedKind[];
  readonly role?: FeedbackRole | null;
  readonly contact?: FeedbackContact | null;
  readonly contactMissing?: boolean;
}

export interface FeedbackDialogDeps {
  /** Where confirmed feedback goes; absent, the conversation says where else to send feedback. */
  readonly service?: FeedbackService;
  /** The user's name and email from the channel (Teams member info). */
  readonly memberInfo: MemberInfo;
  /** For failures only: the error's name, never the user's answers. */
  readonly logger?: FeedbackLogger;
}

function isStep(value: unknown): value is Step {
  return STEPS.some((s) => s === value);
}

function isRemovedList(value: unknown): value is RemovedKind[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && (REMOVED_KINDS as readonly string[]).includes(v));
}

function isContact(value: unknown): value is FeedbackContact {
  return isRecord(value) && usableContact(value.name, value.email) !== undefined;
}

function questionsOf(s: FeedbackState): readonly Question[] {
  return s.canContact ? QUESTIONS : QUESTIONS.filter((q) => q !== 'contact');
}

function answersOf(s: FeedbackState): FeedbackAnswers {
  return {
    ...(s.category === undefined ? {} : { category: s.category }),
    ...(s.rating === undefined ? {} : { rating: s.rating }),
    ...(s.text === undefined ? {} : { text: s.text }),
    ...(s.removed === undefined ? {} : { removed: s.removed }),
    ...(s.role === undefined ? {} : { role: s.role }),
    ...(s.contact === undefined ? {} : { contact: s.contact }),
    ...(s.contactMissing === true ? { contactMissing: true } : {}),
  };
}

/** A string field of the pressed card's data, even one too long for parseAction to pass on. */
function submittedLength(value: unknown, key: string): number | undefined {
  if (!isRecord(value)) return undefined;
  const field = value[key];
  return typeof field === 'string' ? [...field].length : undefined;
}

/**
 * The "tell us more" box's answer to Next: its text, or only as many characters as a paste too long
 * for parseAction (over 4,000) had, so the user hears how much too long it is rather than "please
 * tell us". `undefined` — Next as a plain choice, keeping the answer — when the box sent nothing
 * (a client without inputs, like the terminal) and there is an answer already.
 */
function textFromBox(choice: CardChoice, s: FeedbackState, activity: { readonly value?: unknown }): string | undefined {
  if (choice.choice !== 'next') return undefined;
  const text = choice.inputs[FEEDBACK_TEXT_INPUT];
  if (text !== undefined) return text;
  const length = submittedLength(activity.value, FEEDBACK_TEXT_INPUT) ?? 0;
  return length === 0 && s.text !== undefined ? undefined : 'x'.repeat(length);
}

/**
 * Feedback, conversationally: topic, rating (skippable), the user's own words (required, scrubbed
 * as they arrive), role (skippable) and, in Teams, whether they may be contacted (name and email
 * then come from Teams member info); a summary with Send · Edit · Cancel; after Send, thanks and
 * a short reference. At most 5 items per user per hour: checked when the conversation starts and
 * again when it is sent.
 *
 * One waterfall, two steps per card (show it through a prompt, act on the answer), in the order
 * topic → rating → text → role → contact → summary → edit. An answer moves on with `step.next()`;
 * a step not wanted now (contact outside Teams, the questions once the summary has been seen) is
 * skipped with `step.next()`; Back, Edit, a change from the summary and a re-prompt restart the
 * waterfall with `replaceDialog`, the step to show in its options.
 */
export class FeedbackDialog extends StepsConversation<FeedbackState> {
  constructor(
    deps: ConversationDeps,
    private readonly feedback: FeedbackDialogDeps,
  ) {
    super(FEEDBACK_DIALOG, 'feedback', deps, STEPS);
    // The text question: the library's TextPrompt on the text card. Its validator is checkFeedbackText
    // (required, at most 2,000 characters); the text is scrubbed by the next step before anything is kept.
    const card = { render: (s: FeedbackState) => this.render(s), isState: (v: unknown): v is FeedbackState => this.isState(v), answerOf: textFromBox };
    this.addDialog(
      new CardTextPrompt<FeedbackState>(TEXT_PROMPT, card, async (prompt) => {
        const checked = checkFeedbackText(prompt.recognized.value ?? '');
        if (!checked.ok) await say(prompt.context, checked.message);
        return checked.ok;
      }),
    );
  }

  protected stepOf(s: FeedbackState): Step {
    return s.step;
  }

  protected override promptAt(step: string): string | undefined {
    return step === 'text' ? TEXT_PROMPT : undefined;
  }

  /** The "tell us more" text is scrubbed as it arrives, so secrets in it are removed, not refused. */
  protected override scrubsSecretsIn(state: FeedbackState): boolean {
    return state.step === 'text';
  }

  protected async start(inner: DialogContext, flow: string): Promise<DialogTurnResult> {
    const service = this.feedback.service;
    if (service === undefined) return this.end(inner, { say: [FEEDBACK.unavailable] });
    // If the store cannot be asked just now, the form goes ahead: Send checks again and says so kindly.
    const limit = await service.checkRateLimit(this.userId(inner)).catch(() => null);
    if (limit !== null && !limit.ok) return this.end(inner, { say: [`${limit.message} ${FEEDBACK.elsewhere}`] });
    const run: FeedbackState = { flow, at: 'topic-1', step: 'topic', n: 1, canContact: canLookUpMember(inner.context), reviewed: false };
    return this.begin(inner, run);
  }

  /** Acts on the answer to the card of `run.step`. */
  protected async act(step: WaterfallStepContext, run: FeedbackState, answer: StepAnswer): Promise<DialogTurnResult> {
    if (typeof answer === 'boolean') return this.stay(step, run);
    if (typeof answer === 'string') {
      // The text prompt's validated text: scrubbed now, and only the scrubbed text is kept.
      const checked = checkFeedbackText(answer);
      if (!checked.ok) return this.stay(step, run, [checked.message]);
      return this.answered(step, run, { text: checked.text, removed: checked.removed }, checked.notice === '' ? [] : [checked.notice]);
    }
    const { choice } = answer;
    if (choice === 'cancel') return this.end(step, { say: [FEEDBACK.cancelled] });
    if (choice === 'back') return this.goTo(step, run, this.before(run));
    switch (run.step) {
      case 'topic': {
        const category = choice.replace(/^topic:/, '');
        return isFeedbackCategory(category) ? this.answered(step, run, { category }) : this.stay(step, run);
      }
      case 'rating': {
        if (choice === 'skip') return this.answered(step, run, { rating: null });
        const rating = Number(choice.replace(/^rate:/, ''));
        return isFeedbackRating(rating) ? this.answered(step, run, { rating }) : this.stay(step, run);
      }
      case 'text':
        // Next with the box empty in a client without inputs: the answer stays (the text prompt hands on any other Next).
        return choice === 'next' && run.text !== undefined ? this.answered(step, run, {}) : this.stay(step, run);
      case 'role': {
        if (choice === 'skip') return this.answered(step, run, { role: null });
        const role = choice.replace(/^role:/, '');
        return isFeedbackRole(role) ? this.answered(step, run, { role }) : this.stay(step, run);
      }
      case 'contact':
        return choice === 'yes' || choice === 'no' ? this.contact(step, run, choice) : this.stay(step, run);
      case 'summary':
        if (choice === 'send') return this.send(step, run);
        if (choice === 'edit') return this.goTo(step, run, 'edit');
        return this.stay(step, run);
      case 'edit': {
        if (choice === 'summary') return this.goTo(step, run, 'summary');
        const wanted = choice.replace(/^change:/, '');
        const question = questionsOf(run).find((q) => q === wanted);
        return question === undefined ? this.stay(step, run) : this.goTo(step, run, question);
      }
    }
  }

  /** Simple typed answers to the button questions ("5", "skip", "the app", "yes"); undefined when it is none. */
  protected override async readText(step: WaterfallStepContext, run: FeedbackState, text: string): Promise<DialogTurnResult | undefined> {
    switch (run.step) {
      case 'topic': {
        const category = typedTopic(text);
        return category === undefined ? undefined : this.answered(step, run, { category });
      }
      case 'rating': {
        const typed = typedRating(text);
        if (typed === undefined) return undefined;
        if (typed.kind === 'out-of-range') return this.stay(step, run, [FEEDBACK.ratingHint]);
        return this.answered(step, run, { rating: typed.kind === 'skip' ? null : typed.rating });
      }
      case 'role': {
        if (typedRating(text)?.kind === 'skip') return this.answered(step, run, { role: null });
        const role = typedRole(text);
        return role === undefined ? undefined : this.answered(step, run, { role });
      }
      case 'contact': {
        const answer = typedYesNo(text);
        return answer === undefined ? undefined : this.contact(step, run, answer);
      }
      case 'text':
      case 'summary':
      case 'edit':
        return undefined;
    }
  }

  protected override hint(run: FeedbackState, choices: readonly string[]): string {
    if (run.step === 'rating') return FEEDBACK.ratingHint;
    if (run.step === 'contact') return FEEDBACK.contactHint;
    return super.hint(run, choices);
  }

  protected render(s: FeedbackState): AdaptiveCard {
    const answers = answersOf(s);
    switch (s.step) {
      case 'summary':
        return feedbackSummaryCard(s.flow, s.at, answers, s.canContact);
      case 'edit':
        return feedbackEditCard(s.flow, s.at, s.canContact);
      case 'topic':
        return feedbackTopicCard(this.view(s), answers);
      case 'rating':
        return feedbackRatingCard(this.view(s), answers);
      case 'text':
        return feedbackTextCard(this.view(s), answers);
      case 'role':
        return feedbackRoleCard(this.view(s), answers);
      case 'contact':
        return feedbackContactCard(this.view(s), answers);
    }
  }

  protected isState(value: unknown): value is FeedbackState {
    if (!isFlowState(value) || !isStep(value.step)) return false;
    if (typeof value.n !== 'number' || typeof value.canContact !== 'boolean' || typeof value.reviewed !== 'boolean') return false;
    const v = value;
    return (
      (v.category === undefined || isFeedbackCategory(v.category)) &&
      (v.rating === undefined || v.rating === null || isFeedbackRating(v.rating)) &&
      (v.text === undefined || typeof v.text === 'string') &&
      (v.removed === undefined || isRemovedList(v.removed)) &&
      (v.role === undefined || v.role === null || isFeedbackRole(v.role)) &&
      (v.contact === undefined || v.contact === null || isContact(v.contact)) &&
      (v.contactMissing === undefined || typeof v.contactMissing === 'boolean')
    );
  }

  private userId(dc: DialogContext): string {
    const { activity } = dc.context;
    const id = activity.from?.id;
    return typeof id === 'string' && id !== '' ? id : `conversation:${activity.conversation?.id ?? 'unknown'}`;
  }

  private view(s: FeedbackState): FeedbackStepView {
    const questions = questionsOf(s);
    const index = questions.findIndex((q) => q === s.step);
    return {
      flow: s.flow,
      at: s.at,
      editing: s.reviewed,
      ...(index < 0 ? {} : { progress: { n: index + 1, total: questions.length } }),
    };
  }

  /** A step's card as a new card (a fresh `at`, so a press on an older card is stale). */
  private at(s: FeedbackState, step: Step): FeedbackState {
    const n = s.n + 1;
    return { ...s, step, n, at: `${step}-${n}`, reviewed: s.reviewed || step === 'summary' };
  }

  /** Back, Edit, a change from the summary: that step's card, as a new card. */
  private goTo(step: WaterfallStepContext, s: FeedbackState, to: Step, said: readonly string[] = []): Promise<DialogTurnResult> {
    return this.moveTo(step, this.at(s, to), said);
  }

  /** After an answer: the next question (on down the waterfall), or the summary once it has been seen. */
  private async answered(step: WaterfallStepContext, s: FeedbackState, change: Partial<FeedbackState>, said: readonly string[] = []): Promise<DialogTurnResult> {
    const next: FeedbackState = { ...s, ...change };
    return this.goTo(step, next, this.after(next), said);
  }

  /** The next card after answering: the next question, or the summary once it has been seen. */
  private after(s: FeedbackState): Step {
    if (s.reviewed || s.step === 'summary' || s.step === 'edit') return 'summary';
    const questions = questionsOf(s);
    return questions[questions.indexOf(s.step) + 1] ?? 'summary';
  }

  /** Where Back goes: the previous question, or the summary once it has been seen. */
  private before(s: FeedbackState): Step {
    if (s.reviewed || s.step === 'summary' || s.step === 'edit') return 'summary';
    const questions = questionsOf(s);
    return questions[questions.indexOf(s.step) - 1] ?? s.step;
  }

  private async contact(step: WaterfallStepContext, s: FeedbackState, answer: 'yes' | 'no'): Promise<DialogTurnResult> {
    if (answer === 'no') return this.answered(step, s, { contact: null, contactMissing: false });
    let contact: FeedbackContact | undefined;
    try {
      contact = await this.feedback.memberInfo(step.context);
    } catch {
      contact = undefined;
    }
    const usable = contact === undefined ? undefined : usableContact(contact.name, contact.email);
    if (usable === undefined) return this.answered(step, s, { contact: null, contactMissing: true }, [FEEDBACK.contactMissing]);
    return this.answered(step, s, { contact: usable, contactMissing: false });
  }

  private async send(step: WaterfallStepContext, s: FeedbackState): Promise<DialogTurnResult> {
    const service = this.feedback.service;
    if (service === undefined) return this.end(step, { say: [FEEDBACK.unavailable] });
    if (s.category === undefined) return this.goTo(step, s, 'topic');
    if (s.text === undefined) return this.goTo(step, s, 'text');
    const channel = step.context.activity.channelId;
    try {
      const result = await service.submit(
        { category: s.category, rating: s.rating ?? null, text: s.text, removed: s.removed ?? [], role: s.role ?? null, contact: s.contact ?? null },
        { userId: this.userId(step), channel: typeof channel === 'string' && channel !== '' ? channel : 'unknown' },
        { key: s.flow }, // once per feedback conversation: a second Send returns the first item
      );
      if (!result.ok) return this.end(step, { say: [`${result.message} ${FEEDBACK.elsewhere}`] });
      return this.end(step, { card: feedbackThanksCard(result.reference, { webhookConfigured: service.webhookConfigured }) });
    } catch (error) {
      this.feedback.logger?.error({ event: 'feedback_send_failed', error: error instanceof Error ? error.name : 'unknown' }, 'feedback could not be stored');
      return this.stay(step, s, [FEEDBACK.sendFailed]);
    }
  }
}
