import type { InScopeIntentId } from '../../nlu/intents.js';

/**
 * Training examples for the pairs of intents cross-validation still confuses after round 4 (issue 13,
 * fifth round; `npx tsx bench/nlu/cv.ts --confusion`): what MFA is against why it is needed, and
 * why against whether it is a must; a sign-in someone else started against being locked out;
 * locked out at home against abroad and blocked now; having to sign in again and again against the
 * rollout's rules; codes by text against no text arriving; how long set-up takes against how to do
 * it; what the bot covers against which method to pick. Each states the situation that decides the
 * answer, in outsiders' voices (a locum in a hurry, a technician on the shop's phone, a manager
 * asking for the team, someone unsure of every term; typos, text-speak, British usage), and fits the
 * intent's answer in src/content/answers.ts. Written from the intents, the answers and the CV
 * confusions, never from a tuning or held-out question. Merged after training.ts,
 * training-outsiders.ts and training-contrasts.ts; what was tried and kept is in bench/RESULTS.md
 * ("Round 5").
 */
export const ROUND5_TRAINING_EXAMPLES: Readonly<Partial<Record<InScopeIntentId, readonly string[]>>> = {
  'about.what': [
    'wots mfa stand for, is it short for something',
    'how does mfa actually work when i log in, step by step',
    'what is the extra security step made up of, my password plus what',
    'dont care why, what does the new security thing actually involve',
    'whats the extra security on nhs mail, is it a text or an app',
    'what are the two factors in two factor, my password and what else',
    'what exactly is multi factor authentication, i mean the thing itself',
    'how does the extra security step work in practice on the shop pc',
  ],
  'about.why': [
    'whats the point of the extra security, our passwords were fine',
    'does the extra security actually stop anyone getting into our emails',
    'reason for the extra security step pls, staff keep asking me',
    'why the extra security step on nhsmail, what is it protecting',
    'how much does the extra step actually cut breaches',
    'does two factor really prevent hacking or is it just box ticking',
    'i get that it is compulsory but why are they forcing it on us',
    'why are they making everyone use codes now, what changed',
    'know we have to do it, but what is the actual reason',
  ],
  'about.rollout': [
    'r we actually forced to do this or can we say no',
    'does every nhs.net user have to have it or only some',
    'is it being made compulsory for everyone with an nhsmail address',
    'not asking why, just do i have to do it and by when',
    'have we got to do the codes thing now, is it required',
    'does every pharmacy in england have to do mfa, or just some',
    'is mfa required for every branch or only the big chains',
  ],
  'signin.unexpected': [
    'think someone has got hold of my password, i keep getting sign in prompts',
    'i can still get in but someone else is trying to log into my account',
    'my account might be hacked, there are logins i didnt do',
    'a login attempt from somewhere ive never been showed up on my account',
    'someone knows my nhsmail password, what do i do about the approve requests',
  ],
  'travel.abroad_locked_out': [
    'stuck abroad and it will not let me log in to nhs email at all',
    'cannot log in since i arrived in greece, totally locked out',
    'outside the uk now and nhsmail wont let me in, never had this at home',
  ],
  'signin.frequency': [
    'do i have to approve it every single time i open outlook',
    'it makes me sign in again every few hours, is that normal',
    'why does it keep logging me out every 8 hours',
  ],
  'methods.sms': [
    'can i get mfa codes by text msg instead of the app',
    'i want my mfa code sent by sms to my mobile, how do i set that up',
    'txt msg codes, is that an option for mfa',
  ],
  'trouble.no_code': [
    'set up texts but no text msg ever arrives',
    'waiting ages for the sms code and nothing comes through',
    'the text with the code isnt coming to my phone',
  ],
  'enrol.duration': [
    'how much time does it take to enrol, roughly in minutes',
    'time wise how long is enrolling for mfa',
    'will enrolling eat up my whole lunch break',
    'can the set up be done in 10 mins before we open',
  ],
  'enrol.how': [
    'i have got five minutes now, where do i go to enrol',
    'steps to enrol pls, which page do i start on',
  ],
  'chat.help': [
    'what are my options in this chat, what can you do',
    'options for what i can ask the bot',
  ],
  'methods.choose': [
    'what options are there for verifying, app, text or what',
    'not sure which verification option to go for, app or text',
    'what verifying options do i have for the second step',
  ],
};
