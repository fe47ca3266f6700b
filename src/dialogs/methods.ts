import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { compareCard, methodsIntroCard, questionCard, recommendationCard } from '../cards/methods.js';
import type { AdaptiveCard } from '../cards/schema.js';
import { nextChooserQuestion, recommend, type ChooserAnswers, type ChooserQuestionId } from '../content/methods.js';
import { REPLIES } from '../content/ui.js';
import { ENROL_DIALOG } from './enrolment.js';
import { isFlowState, isRecord, StepsConversation, type ConversationDeps, type FlowState, type StepAnswer } from './conversation.js';
import { CardConfirmPrompt, type CardChoice } from './stepPrompts.js';

export const METHODS_DIALOG = 'methods';
const QUESTION_PROMPT = 'methods-question';

type View = 'intro' | 'compare' | 'question' | 'result';

/** The waterfall's cards in order: each question is its own step, skipped when not needed (no app question without a smartphone). */
const STEPS: readonly string[] = ['intro', 'compare', 'q-smartphone', 'q-installApp', 'q-signal', 'result'];

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

/**
 * The four methods compared side by side, and a guided chooser of two or three questions: a
 * waterfall intro → compare → smartphone → install the app → signal → suggestion, each question a
 * ConfirmPrompt on its card. "Help me choose" and each answer go on down the waterfall (a question
 * not needed is skipped); "Ask me again" and "Compare" from the suggestion start it again there.
 */
export class MethodsDialog extends StepsConversation<MethodsState> {
  constructor(deps: ConversationDeps) {
    super(METHODS_DIALOG, 'methods', deps, STEPS);
    // The chooser's questions: the library's ConfirmPrompt, its prompt the question card.
    this.addDialog(
      new CardConfirmPrompt<MethodsState>(QUESTION_PROMPT, { render: (s) => this.render(s), isState: (v): v is MethodsState => this.isState(v), answerOf: yesOrNo, reads: mayBeYesOrNo }),
    );
  }

  protected stepOf(s: MethodsState): string {
    return s.at;
  }

  protected override promptAt(step: string): string | undefined {
    return step.startsWith('q-') ? QUESTION_PROMPT : undefined;
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

  protected act(step: WaterfallStepContext, s: MethodsState, answer: StepAnswer): Promise<DialogTurnResult> {
    if (typeof answer === 'boolean') return this.answer(step, s, answer);
    if (typeof answer === 'string') return this.stay(step, s);
    switch (answer.choice) {
      case 'cancel':
        return this.end(step, { say: [REPLIES.cancelled] });
      case 'compare':
        return this.moveTo(step, view(s.flow, 'compare', s.answers));
      case 'guide':
      case 'restart':
        return this.moveTo(step, view(s.flow, 'question', {}));
      case 'enrol':
        return this.switchTo(step, ENROL_DIALOG);
      default:
        return this.stay(step, s);
    }
  }

  /** Yes or no to the question showing: on to the next question needed, or the suggestion. */
  private answer(step: WaterfallStepContext, s: MethodsState, yes: boolean): Promise<DialogTurnResult> {
    const q = nextChooserQuestion(s.answers);
    if (s.view !== 'question' || q === undefined) return this.stay(step, s);
    return this.moveTo(step, view(s.flow, 'question', { ...s.answers, [q]: yes }));
  }

  protected isState(value: unknown): value is MethodsState {
    if (!isFlowState(value) || !isRecord(value.answers)) return false;
    const answers = value.answers;
    const ok = (k: ChooserQuestionId) => answers[k] === undefined || typeof answers[k] === 'boolean';
    return ['intro', 'compare', 'question', 'result'].includes(String(value.view)) && ok('smartphone') && ok('installApp') && ok('signal');
  }
}
