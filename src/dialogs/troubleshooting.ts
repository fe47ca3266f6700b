import type { DialogContext } from 'botbuilder-dialogs';
import type { AdaptiveCard } from '../cards/schema.js';
import { escalationCard, pickProblemCard, troubleStepCard } from '../cards/troubleshooting.js';
import { urgentCard } from '../cards/urgent.js';
import { isProblemId, type ProblemId } from '../content/conversations.js';
import { PROBLEMS } from '../content/troubleshooting.js';
import { REPLIES } from '../content/ui.js';
import { isUrgentId, URGENT_PROBLEM, type UrgentId } from '../content/urgent.js';
import { PRACTICE_DIALOG, type PracticeOptions } from './practice.js';
import { CardConversation, isFlowState, type FlowState, type ConversationDeps, type Outcome } from './conversation.js';

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

/** Pick a problem, then its fixes one at a time, ending in who can help when nothing worked. */
export class TroubleshootingDialog extends CardConversation<TroubleState, TroubleOptions> {
  constructor(deps: ConversationDeps) {
    super(TROUBLE_DIALOG, 'trouble', deps);
  }

  protected initial(_dc: DialogContext, flow: string, options: TroubleOptions | undefined): Outcome<TroubleState> {
    if (options?.urgent !== undefined) return { kind: 'show', state: urgentFirst(flow, options.urgent) };
    const start = picking(flow, options?.enrolStep);
    return { kind: 'show', state: options?.problem === undefined ? start : onStep(start, options.problem, 1) };
  }

  protected render(s: TroubleState): AdaptiveCard {
    if (s.urgent !== undefined) return urgentCard(s.urgent, s);
    return s.problem === undefined ? pickProblemCard(s.flow, s.enrolStep) : troubleStepCard(s.flow, s.problem, s.step);
  }

  protected choose(_dc: DialogContext, s: TroubleState, choice: string): Outcome<TroubleState> {
    if (choice === 'cancel') return { kind: 'end', say: [REPLIES.cancelled] };
    if (s.urgent !== undefined) {
      return choice === 'steps' ? { kind: 'show', state: onStep(picking(s.flow, s.enrolStep), URGENT_PROBLEM[s.urgent], 1) } : { kind: 'show', state: s };
    }
    if (s.problem === undefined) {
      if (isProblemId(choice) && s.enrolStep !== undefined) this.deps.funnel.record({ kind: 'stuckProblem', step: s.enrolStep, problem: choice });
      return isProblemId(choice) ? { kind: 'show', state: onStep(s, choice, 1) } : { kind: 'show', state: s };
    }
    const total = PROBLEMS[s.problem].steps.length;
    switch (choice) {
      case 'fixed':
        this.deps.funnel.record({ kind: 'fixed', problem: s.problem });
        return { kind: 'end', say: [REPLIES.fixed], menu: true };
      case 'stuck':
        if (s.step < total) return { kind: 'show', state: onStep(s, s.problem, s.step + 1) };
        this.deps.funnel.record({ kind: 'escalated', problem: s.problem });
        return { kind: 'end', card: escalationCard() };
      case 'back':
        return { kind: 'show', state: onStep(s, s.problem, Math.max(1, s.step - 1)) };
      case 'practise':
        if (PROBLEMS[s.problem].offerPractice !== true) return { kind: 'show', state: s };
        return { kind: 'replace', dialogId: PRACTICE_DIALOG, options: { returnTo: 'trouble' } satisfies PracticeOptions };
      default:
        return { kind: 'show', state: s };
    }
  }

  protected isState(value: unknown): value is TroubleState {
    if (!isFlowState(value) || typeof value.step !== 'number') return false;
    if (value.urgent !== undefined) return isUrgentId(value.urgent) && value.at === 'urgent' && value.problem === undefined;
    if (value.problem === undefined) return value.at === 'pick';
    return isProblemId(value.problem) && value.step >= 1 && value.step <= PROBLEMS[value.problem].steps.length;
  }
}
