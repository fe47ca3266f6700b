import { FEEDBACK, FEEDBACK_ROLE_LABELS, FEEDBACK_TOPICS } from '../content/feedback.js';
import { WORDS } from '../content/ui.js';
import type { FeedbackCategory, FeedbackContact, FeedbackRole } from '../feedback/model.js';
import { listRemoved, type RemovedKind } from '../privacy/index.js';
import { flowData, menuData } from './actions.js';
import { actionSets, callout, card, heading, paragraph, sourceLine, submit, subtle } from './elements.js';
import type { AdaptiveCard, Element, InputText, RichTextBlock, SubmitAction } from './schema.js';

/** The id of the "tell us more" input; its value arrives in the Next press's inputs. */
export const FEEDBACK_TEXT_INPUT = 'feedbackText';

/** Where a question card sits in the conversation. */
export interface FeedbackStepView {
  readonly flow: string;
  readonly at: string;
  /** "Question n of total"; absent when changing an answer from the summary. */
  readonly progress?: { readonly n: number; readonly total: number };
  /** After the summary: Back returns to the summary, and the current answer is shown. */
  readonly editing: boolean;
}

/** What the user has answered so far (the text already scrubbed). */
export interface FeedbackAnswers {
  readonly category?: FeedbackCategory;
  /** 1–5, null when skipped. */
  readonly rating?: number | null;
  readonly text?: string;
  readonly removed?: readonly RemovedKind[];
  /** null when skipped. */
  readonly role?: FeedbackRole | null;
  /** null when the user said no (or Teams had no email for them). */
  readonly contact?: FeedbackContact | null;
  /** The user said yes, but Teams gave no email address. */
  readonly contactMissing?: boolean;
}

export function topicLabel(category: FeedbackCategory): string {
  return FEEDBACK_TOPICS.find((t) => t.value === category)?.label ?? category;
}

export function roleLabel(role: FeedbackRole | null): string {
  return role === null ? FEEDBACK.roleSkipped : (FEEDBACK_ROLE_LABELS.find((r) => r.value === role)?.label ?? role);
}

/** What the user wrote, shown exactly as written (a TextRun is never read as markdown). */
function asWritten(text: string): RichTextBlock {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }] };
}

/** "Label: value" with the value shown as given (names and emails come from Teams: no markdown). */
function answerRow(label: string, value: string): RichTextBlock {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `${label}: `, weight: 'Bolder' }, { type: 'TextRun', text: value }], spacing: 'Small' };
}

function top(view: FeedbackStepView): Element[] {
  if (view.editing) return [subtle(FEEDBACK.changing)];
  return view.progress === undefined ? [] : [subtle(FEEDBACK.progress(view.progress.n, view.progress.total))];
}

function current(view: FeedbackStepView, answer: string | undefined): Element[] {
  return view.editing && answer !== undefined ? [subtle(FEEDBACK.current(answer))] : [];
}

/** Back (to the previous question, or to the summary when changing an answer) and Cancel; they never carry inputs. */
function backAndCancel(view: FeedbackStepView, withBack = true): SubmitAction[] {
  const none = { associatedInputs: 'none' } as const;
  const back: SubmitAction[] = withBack || view.editing ? [{ ...submit(view.editing ? FEEDBACK.backToSummary : WORDS.back, flowData(view.flow, view.at, 'back')), ...none }] : [];
  return [...back, { ...submit(WORDS.cancel, flowData(view.flow, view.at, 'cancel')), ...none }];
}

/** Question 1: what it is about. The first card also says where feedback goes and what not to include. */
export function feedbackTopicCard(view: FeedbackStepView, answers: FeedbackAnswers = {}): AdaptiveCard {
  const topics = FEEDBACK_TOPICS.map((t) => submit(t.label, flowData(view.flow, view.at, `topic:${t.value}`)));
  const intro = view.editing ? [] : [paragraph(FEEDBACK.intro.text), subtle(FEEDBACK.toNhsmail.text), subtle(FEEDBACK.privacy)];
  return card(
    [
      heading(FEEDBACK.title),
      ...intro,
      ...top(view),
      paragraph(FEEDBACK.topicQuestion, { weight: 'Bolder', size: 'Medium', spacing: 'Medium' }),
      ...current(view, answers.category === undefined ? undefined : topicLabel(answers.category)),
      ...actionSets(topics, 3),
      ...(view.editing ? [] : [sourceLine([FEEDBACK.intro.source, FEEDBACK.toNhsmail.source])]),
    ],
    backAndCancel(view, false),
    `${FEEDBACK.title}. ${FEEDBACK.topicQuestion} ${FEEDBACK_TOPICS.map((t) => t.label).join(', ')}.`,
  );
}

/** Question 2: a rating from 1 to 5, or skip. The numbers come first, so in the terminal "5" presses 5. */
export function feedbackRatingCard(view: FeedbackStepView, answers: FeedbackAnswers = {}): AdaptiveCard {
  const numbers = [1, 2, 3, 4, 5].map((n) => submit(String(n), flowData(view.flow, view.at, `rate:${n}`)));
  return card(
    [
      ...top(view),
      heading(FEEDBACK.ratingQuestion),
      paragraph(FEEDBACK.ratingScale),
      ...current(view, answers.rating === undefined ? undefined : FEEDBACK.ratingValue(answers.rating)),
      ...actionSets(numbers, 5),
    ],
    [submit(FEEDBACK.skip, flowData(view.flow, view.at, 'skip')), ...backAndCancel(view)],
    `${FEEDBACK.ratingQuestion} ${FEEDBACK.ratingScale}`,
  );
}

/**
 * Question 3: the free text. No maxLength on the input, on purpose: clients cut longer text
 * silently, whereas the bot counts it and says by how much it is over. Typed messages work too.
 */
export function feedbackTextCard(view: FeedbackStepView, answers: FeedbackAnswers = {}): AdaptiveCard {
  const input: InputText = {
    type: 'Input.Text',
    id: FEEDBACK_TEXT_INPUT,
    label: FEEDBACK.textLabel,
    isMultiline: true,
    placeholder: FEEDBACK.textPlaceholder,
    isRequired: true,
    errorMessage: FEEDBACK.textRequired,
    ...(answers.text === undefined ? {} : { value: answers.text }),
  };
  return card(
    [
      ...top(view),
      heading(FEEDBACK.textQuestion),
      paragraph(FEEDBACK.textExplain),
      callout([paragraph(FEEDBACK.privacy)], 'attention'),
      input,
      subtle(FEEDBACK.textTypeInstead),
    ],
    [submit(FEEDBACK.next, flowData(view.flow, view.at, 'next'), 'positive'), ...backAndCancel(view)],
    `${FEEDBACK.textQuestion}. ${FEEDBACK.textExplain}`,
  );
}

/** Question 4 (optional): the user's role. */
export function feedbackRoleCard(view: FeedbackStepView, answers: FeedbackAnswers = {}): AdaptiveCard {
  const roles = FEEDBACK_ROLE_LABELS.map((r) => submit(r.label, flowData(view.flow, view.at, `role:${r.value}`)));
  return card(
    [
      ...top(view),
      heading(FEEDBACK.roleQuestion),
      paragraph(FEEDBACK.roleExplain),
      ...current(view, answers.role === undefined ? undefined : roleLabel(answers.role)),
      ...actionSets(roles, 3),
    ],
    [submit(FEEDBACK.skip, flowData(view.flow, view.at, 'skip')), ...backAndCancel(view)],
    `${FEEDBACK.roleQuestion} ${FEEDBACK.roleExplain}`,
  );
}

/** Question 5 (Teams only): may we contact you? Name and email then come from Teams, never typed. */
export function feedbackContactCard(view: FeedbackStepView, answers: FeedbackAnswers = {}): AdaptiveCard {
  return card(
    [
      ...top(view),
      heading(FEEDBACK.contactQuestion),
      paragraph(FEEDBACK.contactExplain),
      ...current(view, answers.contact === undefined ? undefined : answers.contact === null ? WORDS.no : WORDS.yes),
    ],
    [
      submit(FEEDBACK.contactYes, flowData(view.flow, view.at, 'yes'), 'positive'),
      submit(FEEDBACK.contactNo, flowData(view.flow, view.at, 'no')),
      ...backAndCancel(view),
    ],
    `${FEEDBACK.contactQuestion} ${FEEDBACK.contactExplain}`,
  );
}

function contactValue(answers: FeedbackAnswers, canContact: boolean): string {
  if (!canContact) return FEEDBACK.contactValue.notHere;
  if (answers.contact !== undefined && answers.contact !== null) return FEEDBACK.contactValue.yes(answers.contact.name, answers.contact.email);
  return answers.contactMissing === true ? FEEDBACK.contactValue.missing : FEEDBACK.contactValue.no;
}

/** Everything the user is about to send, with Send · Edit · Cancel. */
export function feedbackSummaryCard(flow: string, at: string, answers: FeedbackAnswers, canContact: boolean): AdaptiveCard {
  const { labels } = FEEDBACK;
  const rows: [string, string][] = [
    [labels.topic, answers.category === undefined ? '' : topicLabel(answers.category)],
    [labels.rating, FEEDBACK.ratingValue(answers.rating ?? null)],
    [labels.role, roleLabel(answers.role ?? null)],
    [labels.contact, contactValue(answers, canContact)],
  ];
  const removed = listRemoved(answers.removed ?? []);
  return card(
    [
      heading(FEEDBACK.summaryTitle),
      ...rows.map(([label, value]) => answerRow(label, value)),
      paragraph(labels.text, { weight: 'Bolder', spacing: 'Medium' }),
      callout([asWritten(answers.text ?? '')]),
      ...(removed === '' ? [] : [subtle(FEEDBACK.removedOnSummary(removed))]),
      subtle(FEEDBACK.summaryFooter),
    ],
    [
      submit(FEEDBACK.send, flowData(flow, at, 'send'), 'positive'),
      submit(FEEDBACK.edit, flowData(flow, at, 'edit')),
      submit(WORDS.cancel, flowData(flow, at, 'cancel')),
    ],
    `${FEEDBACK.summaryTitle}: ${rows.map(([t, v]) => `${t}: ${v}`).join('; ')}. ${FEEDBACK.summaryFooter}`,
  );
}

/** From the summary's Edit: which answer to change. */
export function feedbackEditCard(flow: string, at: string, canContact: boolean): AdaptiveCard {
  const { change } = FEEDBACK;
  const choices = [
    submit(change.topic, flowData(flow, at, 'change:topic')),
    submit(change.rating, flowData(flow, at, 'change:rating')),
    submit(change.text, flowData(flow, at, 'change:text')),
    submit(change.role, flowData(flow, at, 'change:role')),
    ...(canContact ? [submit(change.contact, flowData(flow, at, 'change:contact'))] : []),
  ];
  return card(
    [heading(FEEDBACK.editTitle), ...actionSets(choices, 5)],
    [submit(FEEDBACK.backToSummary, flowData(flow, at, 'summary'), 'positive'), submit(WORDS.cancel, flowData(flow, at, 'cancel'))],
    `${FEEDBACK.editTitle} ${choices.map((c) => c.title).join(', ')}.`,
  );
}

/** Whether feedback leaves this assistant: a webhook is configured (FeedbackSettings.webhook is not null). */
export interface FeedbackDelivery {
  readonly webhookConfigured: boolean;
}

/**
 * After Send: thanks, and the short reference the user can quote, and to whom. "On its way" only
 * when a webhook is configured; otherwise the feedback is kept until one is, and the card says so.
 * Without `delivery` the card makes no promise that anything was sent.
 */
export function feedbackThanksCard(reference: string, delivery: FeedbackDelivery = { webhookConfigured: false }): AdaptiveCard {
  const thanks = delivery.webhookConfigured ? FEEDBACK.thanksSent : FEEDBACK.thanksKept;
  return card(
    [
      heading(FEEDBACK.thanksTitle),
      paragraph(thanks),
      callout([
        subtle(FEEDBACK.referenceLabel),
        paragraph(reference, { size: 'ExtraLarge', weight: 'Bolder', fontType: 'Monospace' }),
        subtle(FEEDBACK.referenceHint),
      ]),
      subtle(FEEDBACK.toNhsmail.text),
      sourceLine([FEEDBACK.toNhsmail.source]),
    ],
    [submit(WORDS.backToMenu, menuData())],
    `${FEEDBACK.thanksTitle} ${thanks} ${FEEDBACK.referenceLabel}: ${reference}. ${FEEDBACK.referenceHint}`,
  );
}
