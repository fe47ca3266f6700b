import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { compareCard, methodsIntroCard, questionCard, recommendationCard } from '../cards/methods.js';
import type { AdaptiveCard } from '../cards/schema.js';
import { nextChooserQuestion, recommend, type ChooserAnswers, type ChooserQuestionId } from '../content/methods.js';
import { REPLIES } from '../content/ui.js';
import { ENROL_DIALOG } from './enrolment.js';
import { CardConversation, isFlowState, isRecord, type FlowState, type ConversationDeps } from './conversation.js';
import { CardConfirmPrompt, type CardChoice } from './stepPrompts.js';

export const METHODS_DIALOG = 'methods';
const QUESTION_PROMPT = 'methods-question';

type View = 'intro' | 'compare' | 'question' | 'result';

interface MethodsState extends FlowState {
  readonly view: View;
  readonly answers: ChooserAnswers;
}

function view(flow: string, v: View, answers: ChooserAnswers): MethodsState {
  if (v !== 'question') return { flow, at: v, view: v, answers };
  const q = nextChooserQuestion(answers);
  return q === undefined ? { flow, at: 'result', view: 'result', answers } : { flow, at: `q-${q}`, view: 'question', answers };
}

/** The question card's Yes and No are the confirm prompt's answers; its other buttons are plain choices. */
function yesOrNo(choice: CardChoice): boolean | undefined {
  return choice.choice === 'yes' ? true : choice.choice === 'no' ? false : undefined;
}

/** Short replies are yes or no; a longer sentence or a question ("does it work with no signal?") is left for the root to answer. */
function mayBeYesOrNo(text: string): boolean {
  return !text.includes('?') && text.split(/\s+/).length <= 4;
}

function answered(answers: ChooserAnswers): number {
  return [answers.smartphone, answers.installApp, answers.signal].filter((a) => a !== undefined).length;
}

/** The four methods compared side by side, and a guided chooser of two or three questions. */
export class MethodsDialog extends CardConversation<MethodsState> {
  constructor(deps: ConversationDeps) {
    super(METHODS_DIALOG, 'methods', deps);
    // The chooser's questions: the library's ConfirmPrompt, its prompt the question card.
    this.addDialog(
      new CardConfirmPrompt<MethodsState>(QUESTION_PROMPT, { render: (s) => this.render(s), isState: (v): v is MethodsState => this.isState(v), answerOf: yesOrNo, reads: mayBeYesOrNo }),
    );
  }

  protected override promptIn(s: MethodsState): string | undefined {
    return s.view === 'question' ? QUESTION_PROMPT : undefined;
  }

  protected start(inner: DialogContext, flow: string): Promise<DialogTurnResult> {
    return this.begin(inner, view(flow, 'intro', {}));
  }

  protected render(s: MethodsState): AdaptiveCard {
    switch (s.view) {
      case 'intro':
        return methodsIntroCard(s.flow);
      case 'compare':
        return compareCard(s.flow);
      case 'result':
        return recommendationCard(s.flow, recommend(s.answers));
      case 'question': {
        const q = nextChooserQuestion(s.answers) ?? 'smartphone';
        return questionCard(s.flow, q, answered(s.answers) + 1);
      }
    }
  }

  protected choose(step: WaterfallStepContext, s: MethodsState, choice: string): Promise<DialogTurnResult> {
    switch (choice) {
      case 'cancel':
        return this.end(step, { say: [REPLIES.cancelled] });
      case 'compare':
        return this.loop(step, view(s.flow, 'compare', s.answers));
      case 'guide':
      case 'restart':
        return this.loop(step, view(s.flow, 'question', {}));
      case 'enrol':
        return this.switchTo(step, ENROL_DIALOG);
      case 'yes':
      case 'no': {
        const q = nextChooserQuestion(s.answers);
        if (s.view !== 'question' || q === undefined) return this.loop(step, s);
        const answers: ChooserAnswers = { ...s.answers, [q]: choice === 'yes' };
        return this.loop(step, view(s.flow, 'question', answers));
      }
      default:
        return this.loop(step, s);
    }
  }

  protected isState(value: unknown): value is MethodsState {
    if (!isFlowState(value) || !isRecord(value.answers)) return false;
    const answers = value.answers;
    const ok = (k: ChooserQuestionId) => answers[k] === undefined || typeof answers[k] === 'boolean';
    return ['intro', 'compare', 'question', 'result'].includes(String(value.view)) && ok('smartphone') && ok('installApp') && ok('signal');
  }
}
