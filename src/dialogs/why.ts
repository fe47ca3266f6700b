import type { DialogContext } from 'botbuilder-dialogs';
import { whyCard } from '../cards/why.js';
import type { AdaptiveCard } from '../cards/schema.js';
import { CardConversation, isFlowState, type FlowState, type ConversationDeps, type Outcome } from './conversation.js';

export const WHY_DIALOG = 'why';

type WhyState = FlowState;

/** What MFA is, why it matters and how it was rolled out; then "Set it up now" or the menu. */
export class WhyDialog extends CardConversation<WhyState> {
  constructor(deps: ConversationDeps) {
    super(WHY_DIALOG, 'why', deps);
  }

  protected initial(_dc: DialogContext, flow: string): Outcome<WhyState> {
    return { kind: 'show', state: { flow, at: 'read' } };
  }

  protected render(state: WhyState): AdaptiveCard {
    return whyCard(state.flow);
  }

  protected choose(_dc: DialogContext, _state: WhyState, choice: string): Outcome<WhyState> {
    if (choice === 'setup') return { kind: 'replace', dialogId: 'enrol' };
    return { kind: 'end', menu: true };
  }

  protected isState(value: unknown): value is WhyState {
    return isFlowState(value) && value.at === 'read';
  }
}
