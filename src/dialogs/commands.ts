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
  'pick up where i left off': 'continue',
  'continue set up': 'continue',
  'continue setup': 'continue',
  hi: 'greeting',
  hello: 'greeting',
  hey: 'greeting',
  hiya: 'greeting',
  'good morning': 'greeting',
  'good afternoon': 'greeting',
  'good evening': 'greeting',
};

export function globalCommand(text: string): GlobalCommand | undefined {
  const t = normaliseChoice(text).replace(/^(please|ok|okay) /, '').replace(/ (please|thanks|thank you)$/, '');
  return COMMANDS[t];
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
};

/** The button titles a typed reply may mean, most specific first. */
export function candidateTitles(text: string): readonly string[] {
  const t = normaliseChoice(text);
  return [t, ...(SYNONYMS[t] ?? [])];
}
