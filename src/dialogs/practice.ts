import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import {
  practiceEndedCard,
  practiceIntroCard,
  practiceMissCard,
  practiceRemoveCard,
  practiceSetupCard,
  practiceSuccessCard,
  type PracticeEnd,
  type PracticeMiss,
  type PracticeReturn,
} from '../cards/practice.js';
import type { AdaptiveCard } from '../cards/schema.js';
import { PRACTICE } from '../content/practice.js';
import { REPLIES } from '../content/ui.js';
import { isPracticeSession, normaliseTypedCode, type PracticeEngine, type PracticeSession } from '../practice/index.js';
import { isFlowState, isRecord, joinChoices, StepsConversation, type ConversationDeps, type FlowState, type StepAnswer } from './conversation.js';
import { say } from './send.js';
import { CardTextPrompt } from './stepPrompts.js';

export const PRACTICE_DIALOG = 'practice';
const CODE_PROMPT = 'practice-code';

export interface PracticeOptions {
  /** Where the user came from, so the last card offers the way back. */
  readonly returnTo?: PracticeReturn;
}

/**
 * - `intro`: what the practice is and how to add it; no secret yet.
 * - `code`: a practice account is live (`session` holds its secret); typed codes are checked.
 *   `miss` is the previous try's result, shown instead of the set-up card.
 * - `success`: the code was right; the account stays live (`session`) so that another code can be
 *   typed to check the clock again, until it expires, runs out of tries or the user is done.
 * - `ended`: expired or out of tries; the secret is already dropped.
 */
type Stage = 'intro' | 'code' | 'success' | 'ended';

interface PracticeState extends FlowState {
  readonly stage: Stage;
  /** Practice accounts made so far in this practice (1 for the first). */
  readonly attempt: number;
  readonly session?: PracticeSession;
  readonly miss?: PracticeMiss;
  readonly ended?: PracticeEnd;
  readonly returnTo?: PracticeReturn;
}

const STAGES: readonly string[] = ['intro', 'code', 'success', 'ended'] satisfies readonly Stage[];

function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && STAGES.includes(value);
}

function isReturn(value: unknown): value is PracticeReturn {
  return value === 'enrol' || value === 'trouble';
}

function isMiss(value: unknown): value is PracticeMiss {
  if (!isRecord(value)) return false;
  if (value.kind === 'no-match') return true;
  return value.kind === 'clock-off' && (value.direction === 'fast' || value.direction === 'slow') && typeof value.approxMinutes === 'number';
}

/** The fields every state carries over, without the secret or the last result. */
function base(s: PracticeState): Pick<PracticeState, 'flow' | 'attempt' | 'returnTo'> {
  return s.returnTo === undefined ? { flow: s.flow, attempt: s.attempt } : { flow: s.flow, attempt: s.attempt, returnTo: s.returnTo };
}

/**
 * Typed text that is meant as a code: only digits, spaces and hyphens, or a sentence holding
 * exactly one group of six digits ("the code is 123 456"). `undefined` when the text has no digits
 * at all (then it is not an answer, and the usual re-prompt or free-text answer applies).
 */
function codeAttempt(text: string): { readonly code: string } | { readonly code: undefined } | undefined {
  if (!/\d/.test(text)) return undefined;
  if (/^[\d\s\u00a0\u2009\u202f-]+$/.test(text)) return { code: text };
  const groups = text.match(/(?<!\d)\d{3}[ -]?\d{3}(?!\d)/g) ?? [];
  return groups.length === 1 && groups[0] !== undefined ? { code: groups[0] } : { code: undefined };
}

/**
 * The authenticator rehearsal. A fresh secret per practice account lives only in this dialog's
 * state (conversation state) and goes as soon as it is no longer needed: on success, expiry, the
 * last try, or when the dialog ends. Typed codes are checked, never stored, logged or repeated.
 */
export class PracticeDialog extends StepsConversation<PracticeState, PracticeOptions> {
  constructor(
    deps: ConversationDeps,
    private readonly engine: PracticeEngine,
  ) {
    super(PRACTICE_DIALOG, 'practice', deps, STAGES);
    // While a practice account is live, its card is the library's TextPrompt. Text with digits is an
    // attempt; the validator lets through only what is a 6-digit code once spaces and dashes are
    // taken out (else the short hint, no try used). The waterfall's next step checks it against the
    // TOTP secret and loops back here with the result (the miss card with its hints, or success).
    this.addDialog(
      new CardTextPrompt<PracticeState>(
        CODE_PROMPT,
        { render: (s) => this.render(s), isState: (v): v is PracticeState => this.isState(v), reads: (text) => codeAttempt(text) !== undefined },
        async (prompt) => {
          const typed = codeAttempt(prompt.recognized.value ?? '')?.code;
          const ok = typed !== undefined && normaliseTypedCode(typed) !== undefined;
          if (!ok) await say(prompt.context, PRACTICE.notACode);
          return ok;
        },
      ),
    );
  }

  protected stepOf(s: PracticeState): Stage {
    return s.stage;
  }

  protected override promptAt(stage: string): string | undefined {
    return stage === 'code' || stage === 'success' ? CODE_PROMPT : undefined;
  }

  protected start(inner: DialogContext, flow: string, options: PracticeOptions | undefined): Promise<DialogTurnResult> {
    const returnTo = isReturn(options?.returnTo) ? options.returnTo : undefined;
    return this.begin(inner, { flow, at: 'intro', stage: 'intro', attempt: 0, ...(returnTo === undefined ? {} : { returnTo }) });
  }

  protected async render(s: PracticeState): Promise<AdaptiveCard> {
    switch (s.stage) {
      case 'intro':
        return practiceIntroCard(s.flow);
      case 'success': {
        const left = s.session === undefined ? undefined : this.engine.allowance(s.session);
        return left === undefined || left.expired ? practiceSuccessCard(s.flow, s.at) : practiceSuccessCard(s.flow, s.at, left);
      }
      case 'ended':
        return s.miss === undefined ? practiceEndedCard(s.flow, s.at, s.ended ?? 'expired') : practiceMissCard(s.flow, s.at, s.miss, { kind: 'out-of-tries' });
      case 'code': {
        if (s.session === undefined) return practiceEndedCard(s.flow, s.at, 'expired');
        const left = this.engine.allowance(s.session);
        if (left.expired) return practiceEndedCard(s.flow, s.at, 'expired');
        if (s.miss !== undefined) return practiceMissCard(s.flow, s.at, s.miss, { kind: 'retry', triesLeft: left.triesLeft, minutesLeft: left.minutesLeft });
        return practiceSetupCard(s.flow, s.at, await this.engine.setup(s.session), left);
      }
    }
  }

  protected act(step: WaterfallStepContext, s: PracticeState, answer: StepAnswer): Promise<DialogTurnResult> {
    if (typeof answer === 'boolean') return this.stay(step, s);
    // A code the code prompt's validator let through: checked, then on to the card for the result.
    if (typeof answer === 'string') return this.readText(step, s, answer) ?? this.stay(step, s);
    switch (answer.choice) {
      case 'setup':
        return this.moveTo(step, this.newAccount(s));
      case 'restart':
        return this.moveTo(step, this.newAccount(s), s.attempt > 0 ? [PRACTICE.restarted] : []);
      case 'done':
        return this.end(step, { card: practiceRemoveCard(s.returnTo) });
      case 'cancel':
        return this.end(step, { say: [REPLIES.cancelled] });
      default:
        return this.stay(step, s);
    }
  }

  /** A code typed at the code card (the text prompt has checked it is one), or digits typed elsewhere in the practice. */
  protected override readText(step: WaterfallStepContext, s: PracticeState, text: string): Promise<DialogTurnResult> | undefined {
    const attempt = codeAttempt(text);
    if (attempt === undefined) return undefined;
    if (s.stage === 'intro') return this.stay(step, s, [PRACTICE.notYet]);
    if ((s.stage !== 'code' && s.stage !== 'success') || s.session === undefined) return this.stay(step, s, [PRACTICE.notChecking]);
    if (attempt.code === undefined) return this.stay(step, s, [PRACTICE.notACode]);

    const check = this.engine.check(s.session, attempt.code);
    const { result } = check;
    this.deps.funnel.record({ kind: 'practice', result: result.kind });
    switch (result.kind) {
      case 'not-a-code':
        return this.stay(step, s, [PRACTICE.notACode]);
      case 'success':
        return this.moveTo(step, { ...base(s), at: `a${s.attempt}-ok${check.session.tries}`, stage: 'success', session: check.session });
      case 'expired':
      case 'out-of-tries':
        return this.moveTo(step, { ...base(s), at: `a${s.attempt}-end`, stage: 'ended', ended: result.kind });
      case 'clock-off':
      case 'no-match': {
        const miss: PracticeMiss = result.kind === 'no-match' ? { kind: 'no-match' } : { kind: 'clock-off', direction: result.direction, approxMinutes: result.approxMinutes };
        if (check.triesLeft === 0) return this.moveTo(step, { ...base(s), at: `a${s.attempt}-end`, stage: 'ended', ended: 'out-of-tries', miss });
        return this.moveTo(step, { ...base(s), at: `a${s.attempt}-t${check.session.tries}`, stage: 'code', session: check.session, miss });
      }
    }
  }

  protected override hint(s: PracticeState, choices: readonly string[]): string {
    if (s.stage !== 'code') return super.hint(s, choices);
    return PRACTICE.hint(joinChoices(choices));
  }

  /** A new practice account: a fresh secret, no tries yet. */
  private newAccount(s: PracticeState): PracticeState {
    const attempt = s.attempt + 1;
    return { ...base(s), attempt, at: `a${attempt}-t0`, stage: 'code', session: this.engine.start() };
  }

  /** Digits typed anywhere in the practice are taken as practice codes (and never stored). */
  protected override acceptsCodeIn(_state: PracticeState): boolean {
    return true;
  }

  protected isState(value: unknown): value is PracticeState {
    if (!isFlowState(value) || !isStage(value.stage)) return false;
    if (typeof value.attempt !== 'number' || !Number.isInteger(value.attempt) || value.attempt < 0) return false;
    if (value.session !== undefined && !isPracticeSession(value.session)) return false;
    if (value.miss !== undefined && !isMiss(value.miss)) return false;
    if (value.ended !== undefined && value.ended !== 'expired' && value.ended !== 'out-of-tries') return false;
    return value.returnTo === undefined || isReturn(value.returnTo);
  }
}
