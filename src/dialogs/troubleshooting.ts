import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { AdaptiveCard } from '../cards/schema.js';
import { escalationCard, pickProblemCard, troubleStepCard } from '../cards/troubleshooting.js';
import { urgentCard } from '../cards/urgent.js';
import { isProblemId, type ProblemId } from '../content/conversations.js';
import { PROBLEMS } from '../content/troubleshooting.js';
import { REPLIES } from '../content/ui.js';
import { isUrgentId, URGENT_PROBLEM, type UrgentId } from '../content/urgent.js';
import { PRACTICE_DIALOG, type PracticeOptions } from './practice.js';
import { isFlowState, StepsConversation, type ConversationDeps, type FlowState, type StepAnswer } from './conversation.js';

export const TROUBLE_DIALOG = 'trouble';

export interface TroubleOptions {
  readonly problem?: ProblemId;
  /** The enrolment step the user was stuck on, when they came from the walkthrough. */
  readonly enrolStep?: number;
  /** Someone who cannot get in: the urgent answer first, then the problem's steps on request. */
  readonly urgent?: UrgentId;
}

interface TroubleState extends FlowState {
  readonly problem?: ProblemId;
  readonly step: number;
  readonly enrolStep?: number;
  /** Set while the urgent answer is the card showing (`at` is 'urgent'). */
  readonly urgent?: UrgentId;
}

function urgentFirst(flow: string, urgent: UrgentId): TroubleState {
  return { flow, at: 'urgent', step: 0, urgent };
}

function picking(flow: string, enrolStep: number | undefined): TroubleState {
  return enrolStep === undefined ? { flow, at: 'pick', step: 0 } : { flow, at: 'pick', step: 0, enrolStep };
}

function onStep(s: TroubleState, problem: ProblemId, step: number): TroubleState {
  return { ...s, at: `${problem}-${step}`, problem, step };
}

/**
 * Pick a problem, then its fixes one at a time, ending in who can help when nothing worked: a
 * waterfall urgent answer → pick a problem → the problem's steps, the last a loop (Still stuck and
 * Back start it again at the next or previous fix). Started for a problem or an urgent need, the
 * cards before it are skipped.
 */
export class TroubleshootingDialog extends StepsConversation<TroubleState, TroubleOptions> {
  constructor(deps: ConversationDeps) {
    super(TROUBLE_DIALOG, 'trouble', deps, ['urgent', 'pick', 'problem']);
  }

  protected start(inner: DialogContext, flow: string, options: TroubleOptions | undefined): Promise<DialogTurnResult> {
    if (options?.urgent !== undefined) return this.begin(inner, urgentFirst(flow, options.urgent));
    const start = picking(flow, options?.enrolStep);
    return this.begin(inner, options?.problem === undefined ? start : onStep(start, options.problem, 1));
  }

  protected stepOf(s: TroubleState): string {
    if (s.urgent !== undefined) return 'urgent';
    return s.problem === undefined ? 'pick' : 'problem';
  }

  protected render(s: TroubleState): AdaptiveCard {
    if (s.urgent !== undefined) return urgentCard(s.urgent, s);
    return s.problem === undefined ? pickProblemCard(s.flow, s.enrolStep) : troubleStepCard(s.flow, s.problem, s.step);
  }

  protected act(step: WaterfallStepContext, s: TroubleState, answer: StepAnswer): Promise<DialogTurnResult> {
    if (typeof answer !== 'object') return this.stay(step, s);
    const { choice } = answer;
    if (choice === 'cancel') return this.end(step, { say: [REPLIES.cancelled] });
    if (s.urgent !== undefined) return choice === 'steps' ? this.moveTo(step, onStep(picking(s.flow, s.enrolStep), URGENT_PROBLEM[s.urgent], 1)) : this.stay(step, s);
    if (s.problem === undefined) {
      if (isProblemId(choice) && s.enrolStep !== undefined) this.deps.funnel.record({ kind: 'stuckProblem', step: s.enrolStep, problem: choice });
      return isProblemId(choice) ? this.moveTo(step, onStep(s, choice, 1)) : this.stay(step, s);
    }
    const total = PROBLEMS[s.problem].steps.length;
    switch (choice) {
      case 'fixed':
        this.deps.funnel.record({ kind: 'fixed', problem: s.problem });
        return this.end(step, { say: [REPLIES.fixed], menu: true });
      case 'stuck':
        if (s.step < total) return this.moveTo(step, onStep(s, s.problem, s.step + 1));
        this.deps.funnel.record({ kind: 'escalated', problem: s.problem });
        return this.end(step, { card: escalationCard() });
      case 'back':
        return this.moveTo(step, onStep(s, s.problem, Math.max(1, s.step - 1)));
      case 'practise':
        if (PROBLEMS[s.problem].offerPractice !== true) return this.stay(step, s);
        return this.switchTo(step, PRACTICE_DIALOG, { returnTo: 'trouble' } satisfies PracticeOptions);
      default:
        return this.stay(step, s);
    }
  }

  protected isState(value: unknown): value is TroubleState {
    if (!isFlowState(value) || typeof value.step !== 'number') return false;
    if (value.urgent !== undefined) return isUrgentId(value.urgent) && value.at === 'urgent' && value.problem === undefined;
    if (value.problem === undefined) return value.at === 'pick';
    return isProblemId(value.problem) && value.step >= 1 && value.step <= PROBLEMS[value.problem].steps.length;
  }
}
