import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { whyCard } from '../cards/why.js';
import type { AdaptiveCard } from '../cards/schema.js';
import { isFlowState, StepsConversation, type ConversationDeps, type FlowState, type StepAnswer } from './conversation.js';

export const WHY_DIALOG = 'why';

type WhyState = FlowState;

/** What MFA is, why it matters and how it was rolled out; then "Set it up now" or the menu. */
export class WhyDialog extends StepsConversation<WhyState> {
  constructor(deps: ConversationDeps) {
    super(WHY_DIALOG, 'why', deps, ['read']);
  }

  protected start(inner: DialogContext, flow: string): Promise<DialogTurnResult> {
    return this.begin(inner, { flow, at: 'read' });
  }

  protected stepOf(): string {
    return 'read';
  }

  protected render(state: WhyState): AdaptiveCard {
    return whyCard(state.flow);
  }

  protected act(step: WaterfallStepContext, state: WhyState, answer: StepAnswer): Promise<DialogTurnResult> {
    if (typeof answer !== 'object') return this.stay(step, state);
    return answer.choice === 'setup' ? this.switchTo(step, 'enrol') : this.end(step, { menu: true });
  }

  protected isState(value: unknown): value is WhyState {
    return isFlowState(value) && value.at === 'read';
  }
}
