import type { DialogContext } from 'botbuilder-dialogs';
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
import { CardConversation, isFlowState, isRecord, type FlowState, type ConversationDeps, type Outcome } from './conversation.js';
import { canLookUpMember, usableContact, type MemberInfo } from './memberInfo.js';
import { say } from './send.js';
import { CardTextPrompt, type CardChoice } from './stepPrompts.js';

export const FEEDBACK_DIALOG = 'feedback';
const TEXT_PROMPT = 'feedback-text';

/** The questions in order; `contact` only where the channel can tell us who the user is (Teams). */
type Question = 'topic' | 'rating' | 'text' | 'role' | 'contact';
type Step = Question | 'summary' | 'edit';

const STEPS: readonly string[] = ['topic', 'rating', 'text', 'role', 'contact', 'summary', 'edit'] satisfies readonly Step[];
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
  return typeof value === 'string' && STEPS.includes(value);
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
 */
export class FeedbackDialog extends CardConversation<FeedbackState> {
  /** The "tell us more" text is scrubbed as it arrives, so secrets in it are removed, not refused. */
  protected override scrubsSecretsIn(state: FeedbackState): boolean {
    return state.step === 'text';
  }

  constructor(
    deps: ConversationDeps,
    private readonly feedback: FeedbackDialogDeps,
  ) {
    super(FEEDBACK_DIALOG, 'feedback', deps);
    // The text question: the library's TextPrompt on the text card. Its validator is checkFeedbackText
    // (required, at most 2,000 characters); what was typed is scrubbed in readText before anything is kept.
    this.addDialog(
      new CardTextPrompt<FeedbackState>(TEXT_PROMPT, { render: (s) => this.render(s), isState: (v): v is FeedbackState => this.isState(v), answerOf: textFromBox }, async (prompt) => {
        const checked = checkFeedbackText(prompt.recognized.value ?? '');
        if (!checked.ok) await say(prompt.context, checked.message);
        return checked.ok;
      }),
    );
  }

  protected override promptIn(s: FeedbackState): string | undefined {
    return s.step === 'text' ? TEXT_PROMPT : undefined;
  }

  protected async initial(dc: DialogContext, flow: string): Promise<Outcome<FeedbackState>> {
    const service = this.feedback.service;
    if (service === undefined) return { kind: 'end', say: [FEEDBACK.unavailable] };
    // If the store cannot be asked just now, the form goes ahead: Send checks again and says so kindly.
    const limit = await service.checkRateLimit(this.userId(dc)).catch(() => null);
    if (limit !== null && !limit.ok) return { kind: 'end', say: [`${limit.message} ${FEEDBACK.elsewhere}`] };
    const start: FeedbackState = { flow, at: 'topic-1', step: 'topic', n: 1, canContact: canLookUpMember(dc.context), reviewed: false };
    return { kind: 'show', state: start };
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

  protected async choose(dc: DialogContext, s: FeedbackState, choice: string): Promise<Outcome<FeedbackState>> {
    if (choice === 'cancel') return { kind: 'end', say: [FEEDBACK.cancelled] };
    if (choice === 'back') return this.go(s, this.before(s));
    switch (s.step) {
      case 'topic': {
        const category = choice.replace(/^topic:/, '');
        return isFeedbackCategory(category) ? this.answered(s, { category }) : this.stay(s);
      }
      case 'rating': {
        if (choice === 'skip') return this.answered(s, { rating: null });
        const rating = Number(choice.replace(/^rate:/, ''));
        return isFeedbackRating(rating) ? this.answered(s, { rating }) : this.stay(s);
      }
      case 'text':
        // Next with the box empty in a client without inputs: the answer stays (the text prompt hands on any other Next).
        return choice === 'next' && s.text !== undefined ? this.answered(s, {}) : this.stay(s);
      case 'role': {
        if (choice === 'skip') return this.answered(s, { role: null });
        const role = choice.replace(/^role:/, '');
        return isFeedbackRole(role) ? this.answered(s, { role }) : this.stay(s);
      }
      case 'contact':
        return choice === 'yes' || choice === 'no' ? this.contact(dc, s, choice) : this.stay(s);
      case 'summary':
        if (choice === 'send') return this.send(dc, s);
        if (choice === 'edit') return this.go(s, 'edit');
        return this.stay(s);
      case 'edit': {
        if (choice === 'summary') return this.go(s, 'summary');
        const wanted = choice.replace(/^change:/, '');
        const question = questionsOf(s).find((q) => q === wanted);
        return question === undefined ? this.stay(s) : this.go(s, question);
      }
    }
  }

  /**
   * Typed replies: at the text question the message is the answer (scrubbed at once, never kept
   * as typed); elsewhere simple answers ("5", "skip", "the app", "yes") work like the buttons.
   */
  protected override readText(dc: DialogContext, s: FeedbackState, text: string): Promise<Outcome<FeedbackState> | undefined> | Outcome<FeedbackState> | undefined {
    switch (s.step) {
      case 'text':
        return this.readFeedbackText(s, text);
      case 'topic': {
        const category = typedTopic(text);
        return category === undefined ? undefined : this.answered(s, { category });
      }
      case 'rating': {
        const typed = typedRating(text);
        if (typed === undefined) return undefined;
        if (typed.kind === 'out-of-range') return { kind: 'stay', say: [FEEDBACK.ratingHint] };
        return this.answered(s, { rating: typed.kind === 'skip' ? null : typed.rating });
      }
      case 'role': {
        if (typedRating(text)?.kind === 'skip') return this.answered(s, { role: null });
        const role = typedRole(text);
        return role === undefined ? undefined : this.answered(s, { role });
      }
      case 'contact': {
        const answer = typedYesNo(text);
        return answer === undefined ? undefined : this.contact(dc, s, answer);
      }
      case 'summary':
      case 'edit':
        return undefined;
    }
  }

  protected override hint(s: FeedbackState, choices: readonly string[]): string {
    if (s.step === 'rating') return FEEDBACK.ratingHint;
    if (s.step === 'contact') return FEEDBACK.contactHint;
    return super.hint(s, choices);
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

  /** Shows a step's card as a new card (a fresh `at`). */
  private go(s: FeedbackState, step: Step, say: readonly string[] = []): Outcome<FeedbackState> {
    const n = s.n + 1;
    const state: FeedbackState = { ...s, step, n, at: `${step}-${n}`, reviewed: s.reviewed || step === 'summary' };
    return say.length === 0 ? { kind: 'show', state } : { kind: 'show', state, say };
  }

  private stay(s: FeedbackState): Outcome<FeedbackState> {
    return { kind: 'show', state: s };
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

  private answered(s: FeedbackState, change: Partial<FeedbackState>, say: readonly string[] = []): Outcome<FeedbackState> {
    const next: FeedbackState = { ...s, ...change };
    return this.go(next, this.after(next), say);
  }

  /** Checks and scrubs the text; only the scrubbed text goes into state. */
  private readFeedbackText(s: FeedbackState, raw: string): Outcome<FeedbackState> {
    const checked = checkFeedbackText(raw);
    if (!checked.ok) return { kind: 'stay', say: [checked.message] };
    return this.answered(s, { text: checked.text, removed: checked.removed }, checked.notice === '' ? [] : [checked.notice]);
  }

  private async contact(dc: DialogContext, s: FeedbackState, answer: 'yes' | 'no'): Promise<Outcome<FeedbackState>> {
    if (answer === 'no') return this.answered(s, { contact: null, contactMissing: false });
    let contact: FeedbackContact | undefined;
    try {
      contact = await this.feedback.memberInfo(dc.context);
    } catch {
      contact = undefined;
    }
    const usable = contact === undefined ? undefined : usableContact(contact.name, contact.email);
    if (usable === undefined) return this.answered(s, { contact: null, contactMissing: true }, [FEEDBACK.contactMissing]);
    return this.answered(s, { contact: usable, contactMissing: false });
  }

  private async send(dc: DialogContext, s: FeedbackState): Promise<Outcome<FeedbackState>> {
    const service = this.feedback.service;
    if (service === undefined) return { kind: 'end', say: [FEEDBACK.unavailable] };
    if (s.category === undefined) return this.go(s, 'topic');
    if (s.text === undefined) return this.go(s, 'text');
    const channel = dc.context.activity.channelId;
    try {
      const result = await service.submit(
        { category: s.category, rating: s.rating ?? null, text: s.text, removed: s.removed ?? [], role: s.role ?? null, contact: s.contact ?? null },
        { userId: this.userId(dc), channel: typeof channel === 'string' && channel !== '' ? channel : 'unknown' },
        { key: s.flow }, // once per feedback conversation: a second Send returns the first item
      );
      if (!result.ok) return { kind: 'end', say: [`${result.message} ${FEEDBACK.elsewhere}`] };
      return { kind: 'end', card: feedbackThanksCard(result.reference, { webhookConfigured: service.webhookConfigured }) };
    } catch (error) {
      this.feedback.logger?.error({ event: 'feedback_send_failed', error: error instanceof Error ? error.name : 'unknown' }, 'feedback could not be stored');
      return { kind: 'stay', say: [FEEDBACK.sendFailed] };
    }
  }
}
