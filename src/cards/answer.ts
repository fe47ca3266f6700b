import { INTENT_ANSWERS, type IntentAnswer } from '../content/answers.js';
import { CONTACTS } from '../content/contacts.js';
import type { ConversationTarget } from '../content/conversations.js';
import { MENU, WORDS } from '../content/ui.js';
import { isInScopeIntentId, type InScopeIntentId } from '../nlu/intents.js';
import type { Matcher } from '../nlu/types.js';
import { intentData, menuData, openData } from './actions.js';
import { forTab } from './guide.js';
import { actionSets, card, heading, more, paragraph, sourceLine, submit, subtle } from './elements.js';
import type { Action, AdaptiveCard, Element, ShowCardAction, SubmitAction } from './schema.js';

/** What the button that starts an answer's guided conversation says. */
const START_LABEL: Readonly<Record<ConversationTarget['conversation'], string>> = {
  menu: 'Show me the menu',
  why: 'Tell me more',
  enrol: 'Walk me through it',
  methods: 'Help me choose',
  trouble: WORDS.fixStepByStep,
  practice: 'Practise now',
  feedback: 'Give feedback',
};

function startButton(target: ConversationTarget): SubmitAction {
  const data = target.conversation === 'trouble' ? openData('trouble', target.problem) : openData(target.conversation);
  return submit(START_LABEL[target.conversation], data, 'positive');
}

/**
 * A short answer to a recognised question, answer first: the first paragraph answers it, the
 * details wait under "More", the sources are one short line, then where to go next.
 */
export function answerCard(intent: InScopeIntentId, answer: IntentAnswer = INTENT_ANSWERS[intent], options: { midConversation?: boolean } = {}): AdaptiveCard {
  const followUps = (answer.followUps ?? []).filter(isInScopeIntentId).filter((f) => f !== intent).slice(0, 3);
  const buttons: SubmitAction[] = [
    ...(answer.start === undefined || answer.start.conversation === 'menu' ? [] : [startButton(answer.start)]),
    ...followUps.map((f) => submit(INTENT_ANSWERS[f].title, intentData(f))),
  ];
  if (options.midConversation !== true) buttons.push(submit(WORDS.backToMenu, menuData()));
  return card([heading(answer.title), ...answerBody(answer)], buttons.slice(0, 5), `${answer.title}. ${answer.paragraphs.join(' ')}`);
}

/** An answer under its title: the first paragraph, the rest under "More", the sources in one short line. */
function answerBody(answer: IntentAnswer): Element[] {
  const [first = '', ...details] = answer.paragraphs;
  return [paragraph(first), ...more(details.map((p) => paragraph(p)), WORDS.more), sourceLine([answer.source, ...(answer.extraSources ?? [])])];
}

/** The button beside offered topics that brings the menu instead. */
const SOMETHING_ELSE = 'Something else';

/** Two close readings of a question: ask which one the user meant. */
export function didYouMeanCard(intents: readonly InScopeIntentId[]): AdaptiveCard {
  const options = intents.slice(0, 3).map((i) => submit(INTENT_ANSWERS[i].title, intentData(i)));
  return card(
    [heading('Did you mean…?'), paragraph('I\'m not quite sure what you\'re asking. Which of these is closest?')],
    [...options, submit(SOMETHING_ELSE, menuData())],
    `Did you mean: ${intents.map((i) => INTENT_ANSWERS[i].title).join(' or ')}?`,
  );
}

/**
 * The honest answer to a question the bot could not place. With `suggestions` (the topics the
 * question came closest to) it asks whether it was one of those, as buttons, and "Something else"
 * brings the menu; without, it says what the bot can help with instead.
 */
export function notKnownCard(suggestions: readonly InScopeIntentId[] = []): AdaptiveCard {
  if (suggestions.length > 0) return nearMissCard(suggestions);
  const text = 'Sorry, I don\'t know the answer to that. I only know about MFA for NHSmail. Here is what I can help with.';
  return card(
    [
      heading('I\'m not sure about that'),
      paragraph(text),
      ...actionSets(MENU.entries.map((e) => submit(e.label, openData(e.conversation))), 3),
      subtle(`To tell the NHSmail team what you were looking for, use ${CONTACTS.feedback.label}. ${CONTACTS.feedback.description}`),
      subtle(`Read more: ${CONTACTS.readMore.map((r) => `[${r.label}](${r.url})`).join(' · ')}`),
      sourceLine([CONTACTS.feedback.source, ...CONTACTS.readMore.map((r) => r.source)]),
    ],
    [],
    text,
  );
}

function nearMissCard(suggestions: readonly InScopeIntentId[]): AdaptiveCard {
  return nearMiss(suggestions, 'Were you asking about one of these?', [...suggestions.map((i) => submit(INTENT_ANSWERS[i].title, intentData(i))), submit(SOMETHING_ELSE, menuData())]);
}

/**
 * "Not sure I understood" with the topics the question came closest to as `choices`, straight
 * under the question and before the small print (chat: buttons that answer; tab: answers opened in place).
 */
function nearMiss(suggestions: readonly InScopeIntentId[], question: string, choices: readonly Action[], perRow?: number): AdaptiveCard {
  return card(
    [
      heading('Not sure I understood'),
      paragraph(question),
      ...actionSets(choices, perRow),
      subtle(`If not, to tell the NHSmail team what you were looking for, use ${CONTACTS.feedback.label}. ${CONTACTS.feedback.description}`),
      sourceLine([CONTACTS.feedback.source]),
    ],
    [],
    `Not sure I understood. Were you asking about: ${suggestions.map((i) => INTENT_ANSWERS[i].title).join(' or ')}?`,
  );
}

/**
 * The tab's near miss. The tab has no chat to send a press to, so each topic the question came
 * closest to is a button that opens that topic's answer in place, under the question.
 */
export function nearMissTabCard(suggestions: readonly InScopeIntentId[]): AdaptiveCard {
  const topics: ShowCardAction[] = suggestions.map((intent) => {
    const answer = INTENT_ANSWERS[intent];
    const start = answer.start === undefined || answer.start.conversation === 'menu' ? [] : actionSets([startButton(answer.start)]);
    return { type: 'Action.ShowCard', title: answer.title, card: { type: 'AdaptiveCard', body: [...answerBody(answer), ...start] } };
  });
  return nearMiss(suggestions, 'Were you asking about one of these? Choose one to see its answer.', topics, 1);
}

/**
 * The tab's search box: the best reading of the question; for a near miss, the closest topics to
 * open in place; otherwise the honest "not known". Never a chat-only button.
 */
export function answerForTab(matcher: Matcher, question: string): AdaptiveCard {
  const result = matcher.match(question);
  const best = result.ambiguous ? result.candidates[0]?.intent : result.intent;
  if (isInScopeIntentId(best)) return forTab(answerCard(best));
  return forTab(result.suggestions.length > 0 ? nearMissTabCard(result.suggestions) : notKnownCard());
}
