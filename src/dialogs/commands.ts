import { normaliseChoice } from '../cards/choices.js';

/** Words that work anywhere in the conversation, whatever card is showing. */
export type GlobalCommand = 'cancel' | 'menu' | 'help' | 'continue' | 'greeting';

const COMMANDS: Readonly<Record<string, GlobalCommand>> = {
  cancel: 'cancel',
  stop: 'cancel',
  quit: 'cancel',
  exit: 'cancel',
  'cancel that': 'cancel',
  'never mind': 'cancel',
  nevermind: 'cancel',
  menu: 'menu',
  'main menu': 'menu',
  'the menu': 'menu',
  'show menu': 'menu',
  'show me the menu': 'menu',
  'start over': 'menu',
  'start again': 'menu',
  restart: 'menu',
  home: 'menu',
  'back to menu': 'menu',
  help: 'help',
  'help me': 'help',
  'what can you do': 'help',
  'where am i': 'help',
  continue: 'continue',
  resume: 'continue',
  'carry on': 'continue',
  'keep going': 'continue',
  'go on': 'continue',
  'where was i': 'continue',
  'where were we': 'continue',
  'back to where i was': 'continue',
  'take me back to where i was': 'continue',
  'pick up where i left off': 'continue',
  'pick up where we left off': 'continue',
  'continue set up': 'continue',
  'continue setup': 'continue',
  'continue setting up': 'continue',
  'continue where i left off': 'continue',
  'carry on where i left off': 'continue',
  'carry on setting up': 'continue',
  'carry on with set up': 'continue',
  'carry on with setup': 'continue',
  'continue with set up': 'continue',
  'continue with setup': 'continue',
  'resume set up': 'continue',
  'resume setup': 'continue',
  'back to set up': 'continue',
  'back to setup': 'continue',
  'finish setting up': 'continue',
  'finish set up': 'continue',
  'finish setup': 'continue',
  hi: 'greeting',
  hello: 'greeting',
  hey: 'greeting',
  hiya: 'greeting',
  'good morning': 'greeting',
  'good afternoon': 'greeting',
  'good evening': 'greeting',
};

/** Polite or chatty words around a command ("ok, let's carry on please") that do not change it. */
const LEADING = /^(please|ok|okay|right|so|yes|yeah|can we|can i|could we|lets|let us|i want to|i would like to|id like to|i need to) /;
const TRAILING = / (please|thanks|thank you|then|now|again|from there|with it)$/;

export function globalCommand(text: string): GlobalCommand | undefined {
  let t = normaliseChoice(text);
  for (let before = ''; before !== t; ) {
    const command = COMMANDS[t];
    if (command !== undefined) return command;
    before = t;
    t = t.replace(LEADING, '').replace(TRAILING, '');
  }
  return undefined;
}

/**
 * A thank-you, with the words people put round it ("ok thanks", "brilliant, thank you so much x",
 * "cheers!", "thanks bye"). Not a command: a conversation that expects free text (feedback) reads it
 * first; only what nothing else reads is thanked back (root.ts).
 */
const THANKS = new RegExp(
  '^(?:(?:ok|okay|great|brilliant|perfect|lovely|fab|fantastic|super|cool|right|thats great|thats brilliant) )*' +
    '(?:thanks|thank you|thankyou|thank u|thanx|thx|ty|cheers|ta|many thanks|much appreciated)' +
    '(?: (?:so much|very much|a lot|a million|loads|again|for that|for your help|for the help|for helping|for helping me|bye|x+))*$',
);

export function isThanks(text: string): boolean {
  return THANKS.test(normaliseChoice(text));
}

/** How a message that only closes a topic is answered: not a question, so never "not sure" and never counted as unanswered. */
export type Closing = 'thanks' | 'pleased' | 'acknowledged' | 'goodbye';

const PLEASED = /^(?:(?:oh|ah|ok|okay|yes|yeah|yay) )*(?:great|perfect|brilliant|lovely|fab|fabulous|fantastic|excellent|amazing|awesome|super|nice|good|wonderful|(?:that|it|this) (?:worked|works now|helped|did it|fixed it|sorted it)|(?:all )?sorted(?: now)?|(?:all )?done(?: now)?|all good|job done|got it working|its working(?: now)?|working now)(?: (?:now|thanks|thank you|cheers))?$/;
const ACKNOWLEDGED = /^(?:ok|okay|k|kk|ok then|okay then|right|right then|fine|got it|gotcha|understood|noted|cool|i see|ah i see|will do|will try that|ill try that|i will try that)$/;
const GOODBYE = /^(?:ok |okay |right )?(?:bye|bye bye|byee+|goodbye|good bye|see you|see ya|cya|ta ra|tara|laters|night|goodnight|good night|thats all|thats it|thats all thanks|nothing else|no more questions)(?: for now| then| now)?$/;

/**
 * A thank-you, "that worked", "ok" or "bye" on its own, with no conversation running. A thank-you
 * mid-conversation is answered too (root.ts); the others are left to the conversation, where
 * "done" or "sorted" can mean a button.
 */
export function closingWords(text: string): Closing | undefined {
  const t = normaliseChoice(text);
  if (THANKS.test(t)) return 'thanks';
  if (PLEASED.test(t)) return 'pleased';
  if (ACKNOWLEDGED.test(t)) return 'acknowledged';
  if (GOODBYE.test(t)) return 'goodbye';
  return undefined;
}

/** Everyday ways of saying a button's title ("y" for Yes, "previous" for Back). */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  y: ['yes'],
  yeah: ['yes'],
  yep: ['yes'],
  yup: ['yes'],
  'yes please': ['yes'],
  sure: ['yes'],
  n: ['no'],
  nope: ['no'],
  nah: ['no'],
  'no thanks': ['no'],
  'not really': ['no'],
  previous: ['back'],
  prev: ['back'],
  'go back': ['back'],
  'next step': ['next'],
  'done that': ['next'],
  done: ['next'],
  'did that': ['next'],
  'found it': ['next'],
  'got it': ['next'],
  'ok done': ['next'],
  stuck: ['im stuck', 'still stuck'],
  'i am stuck': ['im stuck', 'still stuck'],
  fixed: ['that fixed it'],
  'it worked': ['that fixed it', 'yes it worked'],
  worked: ['that fixed it', 'yes it worked'],
  sorted: ['that fixed it', 'yes it worked'],
  'still not working': ['still stuck', 'no i need help'],
  'didnt work': ['still stuck', 'no i need help'],
  'it didnt work': ['still stuck', 'no i need help'],
  'not fixed': ['still stuck'],
  'step by step': ['fix it step by step'],
  'show me the steps': ['fix it step by step'],
  'what else can i try': ['fix it step by step', 'still stuck'],
};

/** The button titles a typed reply may mean, most specific first. */
export function candidateTitles(text: string): readonly string[] {
  const t = normaliseChoice(text);
  return [t, ...(SYNONYMS[t] ?? [])];
}
