import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ENROL_TOTAL, enrolStepCard, nextSignInCard } from '../cards/enrolment.js';
import type { AdaptiveCard } from '../cards/schema.js';
import { normaliseChoice } from '../cards/choices.js';
import { ENROLMENT_STEPS } from '../content/enrolment.js';
import { REPLIES } from '../content/ui.js';
import { isFlowState, StepsConversation, type ConversationDeps, type FlowState, type StepAnswer } from './conversation.js';
import { PRACTICE_DIALOG, type PracticeOptions } from './practice.js';
import { ENROL_LAST, type EnrolProgressStore } from './progress.js';
import { TROUBLE_DIALOG, type TroubleOptions } from './troubleshooting.js';

/** Words that say nothing about which problem it is ("I can't find", "isn't there"). */
const NOT_CONTENT = new Set(['i', 'im', 'ive', 'cant', 'can', 'not', 'find', 'see', 'the', 'a', 'an', 'is', 'isnt', 'there', 'dont', 'do', 'have', 'my', 'think', 'only', 'use', 'want', 'on', 'wont']);

/** The words of a step problem's title that name it: "I can't find Self-Service" → self, service. */
function contentWords(title: string): string[] {
  return normaliseChoice(title).split(' ').filter((w) => !NOT_CONTENT.has(w));
}

export const ENROL_DIALOG = 'enrol';

interface EnrolState extends FlowState {
  /** 1–5: the portal steps; 6: what happens at the next sign-in, and "Did it work?". */
  readonly step: number;
}

export interface EnrolOptions {
  readonly step?: number;
}

function at(step: number): string {
  return step === ENROL_LAST ? 'signin' : `step-${step}`;
}

/** The waterfall's cards in order: the five portal steps, then the next sign-in. */
const STEPS: readonly string[] = Array.from({ length: ENROL_LAST }, (_, i) => at(i + 1));

function state(flow: string, step: number): EnrolState {
  return { flow, at: at(step), step };
}

/**
 * The five portal steps one card at a time, then the next sign-in, then "Did it work?": a waterfall
 * of six cards. Next goes on down it; Back, and starting part-way (resuming, or from a step number),
 * start it again at that card, the steps before it skipped.
 */
export class EnrolmentDialog extends StepsConversation<EnrolState, EnrolOptions> {
  constructor(
    deps: ConversationDeps,
    private readonly progress: EnrolProgressStore,
    /** The card for a walkthrough paused with its place kept (offering a reminder), where there is one. */
    private readonly pausedCard: (context: TurnContext) => AdaptiveCard | undefined = () => undefined,
  ) {
    super(ENROL_DIALOG, 'enrol', deps, STEPS);
  }

  protected async start(inner: DialogContext, flow: string, options: EnrolOptions | undefined): Promise<DialogTurnResult> {
    if (options?.step !== undefined) return this.begin(inner, state(flow, options.step));
    const saved = await this.progress.get(inner.context);
    if (saved !== undefined && saved.step > 1) {
      const label = saved.step === ENROL_LAST ? ENROL_TOTAL : saved.step;
      await this.tell(inner, [REPLIES.resumed(label)]);
      return this.begin(inner, state(flow, saved.step));
    }
    return this.begin(inner, state(flow, 1));
  }

  protected render(s: EnrolState): AdaptiveCard {
    return s.step === ENROL_LAST ? nextSignInCard(s.flow) : enrolStepCard(s.flow, s.step);
  }

  protected stepOf(s: EnrolState): string {
    return s.at;
  }

  /** Each card shown is the place kept, so "continue" later resumes there. */
  protected override async shown(dc: DialogContext, s: EnrolState): Promise<void> {
    await this.progress.set(dc.context, { step: s.step });
  }

  protected async act(step: WaterfallStepContext, s: EnrolState, answer: StepAnswer): Promise<DialogTurnResult> {
    if (typeof answer !== 'object') return this.stay(step, s);
    switch (answer.choice) {
      case 'next':
        return this.moveTo(step, state(s.flow, Math.min(s.step + 1, ENROL_LAST)));
      case 'back':
        return this.moveTo(step, state(s.flow, Math.max(s.step - 1, 1)));
      case 'stuck':
        this.deps.funnel.record({ kind: 'stuck', step: s.step });
        return this.switchTo(step, TROUBLE_DIALOG, { enrolStep: s.step } satisfies TroubleOptions);
      case 'practise':
        // The walkthrough's place is kept in user state, so "Back to set-up" resumes here.
        return this.switchTo(step, PRACTICE_DIALOG, { returnTo: 'enrol' } satisfies PracticeOptions);
      case 'failed':
        this.deps.funnel.record({ kind: 'didNotWork' });
        return this.switchTo(step, TROUBLE_DIALOG, {} satisfies TroubleOptions);
      case 'worked':
        await this.progress.finish(step.context);
        return this.end(step, { say: [REPLIES.enrolDone], menu: true });
      case 'cancel':
      default: {
        const card = this.pausedCard(step.context);
        return card === undefined ? this.end(step, { say: [REPLIES.enrolPaused] }) : this.end(step, { card });
      }
    }
  }

  /**
   * One of this step's own problems typed in the user's words ("I can't find Self-Service"): its
   * answer straight away, with the step's card still there to carry on from.
   */
  protected override readText(step: WaterfallStepContext, s: EnrolState, text: string): Promise<DialogTurnResult> | undefined {
    const typed = new Set(normaliseChoice(text).split(' '));
    if (typed.size < 2) return undefined;
    const help = ENROLMENT_STEPS[s.step - 1]?.stuck.find((h) => {
      const words = contentWords(h.title);
      return words.length > 0 && words.every((w) => typed.has(w));
    });
    return help === undefined ? undefined : this.stay(step, s, [`**${help.title}?** ${help.text}`]);
  }

  protected isState(value: unknown): value is EnrolState {
    return isFlowState(value) && typeof value.step === 'number' && Number.isInteger(value.step) && value.step >= 1 && value.step <= ENROL_LAST;
  }
}
