import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { whyCard } from '../cards/why.js';
import type { AdaptiveCard } from '../cards/schema.js';
import { CardConversation, isFlowState, type FlowState, type ConversationDeps } from './conversation.js';

export const WHY_DIALOG = 'why';

type WhyState = FlowState;

/** What MFA is, why it matters and how it was rolled out; then "Set it up now" or the menu. */
export class WhyDialog extends CardConversation<WhyState> {
  constructor(deps: ConversationDeps) {
    super(WHY_DIALOG, 'why', deps);
  }

  protected start(inner: DialogContext, flow: string): Promise<DialogTurnResult> {
    return this.begin(inner, { flow, at: 'read' });
  }

  protected render(state: WhyState): AdaptiveCard {
    return whyCard(state.flow);
  }

  protected choose(step: WaterfallStepContext, _state: WhyState, choice: string): Promise<DialogTurnResult> {
    return choice === 'setup' ? this.switchTo(step, 'enrol') : this.end(step, { menu: true });
  }

  protected isState(value: unknown): value is WhyState {
    return isFlowState(value) && value.at === 'read';
  }
}
