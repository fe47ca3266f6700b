/**
 * Words and phrases that mean the same thing to the bot, rewritten to one canonical form before
 * stemming: text-speak ("pls", "txt"), spellings (enroll/enrol, practice/practise), and the
 * domain's many names for one thing ("2FA", "two-step verification" → "mfa"; "yubikey",
 * "security key" → "fido2"). Phrases are matched longest first, on whole tokens.
 */
const SYNONYM_LIST: readonly (readonly [from: string, to: string])[] = [
  // text-speak and shorthand
  ['u', 'you'],
  ['ya', 'you'],
  ['ur', 'your'],
  ['r', 'are'],
  ['y', 'why'],
  ['pls', 'please'],
  ['plz', 'please'],
  ['plse', 'please'],
  ['thx', 'thanks'],
  ['msg', 'message'],
  ['msgs', 'message'],
  ['txt', 'text'],
  ['txts', 'text'],
  ['txted', 'text'],
  ['wot', 'what'],
  ['wat', 'what'],
  ['wht', 'what'],
  ['wut', 'what'],
  ['whr', 'where'],
  ['wer', 'where'],
  ['hw', 'how'],
  ['cud', 'could'],
  ['shud', 'should'],
  ['wud', 'would'],
  ['gonna', 'going to'],
  ['wanna', 'want to'],
  ['dunno', 'do not know'],
  ['b4', 'before'],
  ['cos', 'because'],
  ['coz', 'because'],
  ['cuz', 'because'],
  ['abt', 'about'],
  ['ppl', 'people'],
  ['how 2', 'how to'],
  ['2day', 'today'],
  ['fone', 'phone'],
  // MFA itself
  ['multi factor authentication', 'mfa'],
  ['multi factor authenticaton', 'mfa'],
  ['multifactor authentication', 'mfa'],
  ['multi factor auth', 'mfa'],
  ['multifactor auth', 'mfa'],
  ['multi factor', 'mfa'],
  ['multifactor', 'mfa'],
  ['two factor authentication', 'mfa'],
  ['2 factor authentication', 'mfa'],
  ['two factor', 'mfa'],
  ['2 factor', 'mfa'],
  ['2fa', 'mfa'],
  ['2sv', 'mfa'],
  ['two step verification', 'mfa'],
  ['2 step verification', 'mfa'],
  ['two step', 'mfa'],
  ['2 step', 'mfa'],
  // NHSmail
  ['nhs mail', 'nhsmail'],
  ['nhs email', 'nhsmail'],
  ['nhs net', 'nhsmail'],
  ['nhsnet', 'nhsmail'],
  ['e mail', 'email'],
  ['emails', 'email'],
  ['mail', 'email'],
  // the authenticator
  ['microsoft authenticator', 'authenticator'],
  ['ms authenticator', 'authenticator'],
  ['ms auth', 'authenticator'],
  ['authentication app', 'authenticator app'],
  ['authenticator application', 'authenticator app'],
  ['auth app', 'authenticator app'],
  ['application', 'app'],
  // text messages, calls and phones
  ['sms', 'text'],
  ['text message', 'text'],
  ['text messages', 'text'],
  ['texted', 'text'],
  ['texting', 'text'],
  ['texts', 'text'],
  ['phone call', 'call'],
  ['phone calls', 'call'],
  ['voice call', 'call'],
  ['ring', 'call'],
  ['rings', 'call'],
  ['ringing', 'call'],
  ['desk phone', 'landline'],
  ['office phone', 'landline'],
  ['land line', 'landline'],
  ['mobile phone', 'phone'],
  ['mobile', 'phone'],
  ['mobiles', 'phone'],
  ['handset', 'phone'],
  ['cellphone', 'phone'],
  ['cell phone', 'phone'],
  ['iphone', 'phone'],
  ['android', 'phone'],
  ['smart phone', 'smartphone'],
  // FIDO2 keys
  ['fido 2', 'fido2'],
  ['fido2 key', 'fido2'],
  ['fido2 token', 'fido2'],
  ['fido key', 'fido2'],
  ['fido token', 'fido2'],
  ['fido', 'fido2'],
  ['yubikey', 'fido2'],
  ['yubi key', 'fido2'],
  ['security key', 'fido2'],
  ['security keys', 'fido2'],
  ['hardware key', 'fido2'],
  ['hardware token', 'fido2'],
  ['usb key', 'fido2'],
  ['usb token', 'fido2'],
  ['physical key', 'fido2'],
  // signing in, enrolling, switching on
  ['sign in', 'signin'],
  ['sign on', 'signin'],
  ['log in', 'signin'],
  ['log on', 'signin'],
  ['login', 'signin'],
  ['logon', 'signin'],
  ['logging in', 'signin'],
  ['signing in', 'signin'],
  ['logged in', 'signin'],
  ['signed in', 'signin'],
  ['sign up', 'enrol'],
  ['signup', 'enrol'],
  ['enroll', 'enrol'],
  ['enrolling', 'enrol'],
  ['enrolled', 'enrol'],
  ['enrolment', 'enrol'],
  ['enrollment', 'enrol'],
  ['set up', 'setup'],
  ['setting up', 'setup'],
  ['switch on', 'enable'],
  ['switched on', 'enable'],
  ['turn on', 'enable'],
  ['turning on', 'enable'],
  ['activate', 'enable'],
  // passwords and codes
  ['pw', 'password'],
  ['pword', 'password'],
  ['passwd', 'password'],
  ['pass word', 'password'],
  ['otp', 'code'],
  ['one time code', 'code'],
  ['notif', 'notification'],
  ['notifs', 'notification'],
  ['refused', 'rejected'],
  ['declined', 'rejected'],
  ['incorrect', 'wrong'],
  ['invalid', 'wrong'],
  // lost, stolen, broken
  ['nicked', 'stolen'],
  ['pinched', 'stolen'],
  ['smashed', 'broken'],
  ['cracked', 'broken'],
  ['broke', 'broken'],
  // travel
  ['overseas', 'abroad'],
  ['outside the uk', 'abroad'],
  ['outside uk', 'abroad'],
  ['outside of the uk', 'abroad'],
  ['another country', 'abroad'],
  ['other country', 'abroad'],
  ['different country', 'abroad'],
  ['out of the country', 'abroad'],
  ['internationally', 'abroad'],
  ['foreign', 'abroad'],
  ['hols', 'holiday'],
  ['vacation', 'holiday'],
  ['spain', 'abroad'],
  ['france', 'abroad'],
  ['portugal', 'abroad'],
  ['italy', 'abroad'],
  ['greece', 'abroad'],
  ['germany', 'abroad'],
  ['turkey', 'abroad'],
  ['ireland', 'abroad'],
  ['poland', 'abroad'],
  ['india', 'abroad'],
  ['pakistan', 'abroad'],
  ['dubai', 'abroad'],
  ['usa', 'abroad'],
  ['america', 'abroad'],
  ['canada', 'abroad'],
  ['australia', 'abroad'],
  ['europe', 'abroad'],
  // mailboxes
  ['mail box', 'mailbox'],
  ['inbox', 'mailbox'],
  ['inboxes', 'mailbox'],
  ['mailboxes', 'mailbox'],
  ['generic', 'shared'],
  // practising, feedback, people who help
  ['practise', 'practice'],
  ['practising', 'practice'],
  ['practicing', 'practice'],
  ['practised', 'practice'],
  ['feed back', 'feedback'],
  ['complaint', 'complain'],
  ['complaints', 'complain'],
  ['help desk', 'helpdesk'],
  ['service desk', 'helpdesk'],
  ['local administrator', 'administrator'],
  ['local admin', 'administrator'],
  ['admin', 'administrator'],
  // greetings
  ['good morning', 'hello'],
  ['good afternoon', 'hello'],
  ['good evening', 'hello'],
  ['hi', 'hello'],
  ['hii', 'hello'],
  ['hiya', 'hello'],
  ['heya', 'hello'],
  ['hey', 'hello'],
  ['hallo', 'hello'],
  ['hullo', 'hello'],
  ['helo', 'hello'],
  ['helloo', 'hello'],
  ['howdy', 'hello'],
  ['yo', 'hello'],
  // being required
  ['compulsory', 'mandatory'],
  ['obligatory', 'mandatory'],
  ['required', 'mandatory'],
  ['requirement', 'mandatory'],
  ['enforced', 'mandatory'],
  ['enforce', 'mandatory'],
  ['cut off', 'deadline'],
  ['cutoff', 'deadline'],
  ['due date', 'deadline'],
  // choosing
  ['pick', 'choose'],
  ['select', 'choose'],
  ['choice', 'choose'],
  ['choices', 'choose'],
  ['recommended', 'recommend'],
  ['download', 'install'],
  ['main', 'default'],
  ['primary', 'default'],
  ['back up', 'backup'],
  ['spare', 'backup'],
  ['security information', 'securityinfo'],
  ['security details', 'securityinfo'],
  ['security settings', 'securityinfo'],
  ['security info', 'securityinfo'],
  ['mysignins', 'securityinfo'],
  ['my sign ins', 'securityinfo'],
  ['swap', 'change'],
  ['swapping', 'change'],
  ['switch', 'change'],
  ['switching', 'change'],
  ['modify', 'change'],
  ['edit', 'change'],
  ['alter', 'change'],
  // sign-ins the user did not start
  ['not me', 'unrequested'],
  ['was not me', 'unrequested'],
  ['did not make', 'unrequested'],
  ['did not start', 'unrequested'],
  ['did not request', 'unrequested'],
  ['did not ask', 'unrequested'],
  ['did not trigger', 'unrequested'],
  ['did not initiate', 'unrequested'],
  ['never asked', 'unrequested'],
  ['never requested', 'unrequested'],
  ['not requested', 'unrequested'],
  ['hacker', 'hack'],
  ['hackers', 'hack'],
  ['hacked', 'hack'],
  ['hacking', 'hack'],
  ['compromised', 'hack'],
  // how often
  ['frequently', 'often'],
  ['frequency', 'often'],
  ['constantly', 'often'],
  ['constant', 'often'],
  ['repeatedly', 'often'],
  ['every time', 'often'],
  ['each time', 'often'],
  ['all the time', 'often'],
  // phones replaced, broken, stolen
  ['upgrade', 'new'],
  ['upgraded', 'new'],
  ['upgrading', 'new'],
  ['replaced', 'new'],
  ['replacement', 'new'],
  ['theft', 'stolen'],
  ['robbed', 'stolen'],
  ['damaged', 'broken'],
  ['dead', 'broken'],
  ['died', 'broken'],
  // codes refused or not arriving
  ['not valid', 'wrong'],
  ['not accepted', 'rejected'],
  ['not accept', 'rejected'],
  ['will not accept', 'rejected'],
  ['will not take', 'rejected'],
  ['arrives', 'arrive'],
  ['arrived', 'arrive'],
  ['arriving', 'arrive'],
  ['turn up', 'arrive'],
  ['turns up', 'arrive'],
  ['turned up', 'arrive'],
  ['come through', 'arrive'],
  ['comes through', 'arrive'],
  ['came through', 'arrive'],
  ['coming through', 'arrive'],
  // locked out
  ['lock out', 'locked out'],
  ['lockout', 'locked out'],
  ['forgotten', 'forgot'],
  ['forget', 'forgot'],
  ['unable', 'can not'],
  // no smartphone
  ['nokia', 'basicphone'],
  ['dumb phone', 'basicphone'],
  ['dumbphone', 'basicphone'],
  ['flip phone', 'basicphone'],
  ['brick phone', 'basicphone'],
  ['basic phone', 'basicphone'],
  ['own', 'personal'],
  ['private', 'personal'],
  ['exempt', 'exemption'],
  ['exception', 'exemption'],
  ['exceptions', 'exemption'],
  ['exemptions', 'exemption'],
  // travel
  ['united kingdom', 'uk'],
  ['britain', 'uk'],
  ['great britain', 'uk'],
  ['outside england', 'abroad'],
  ['outside britain', 'abroad'],
  ['roaming', 'abroad'],
  ['trip', 'travel'],
  ['traveling', 'travel'],
  ['travelling', 'travel'],
  // shared mailboxes
  ['team mailbox', 'shared mailbox'],
  ['branch mailbox', 'shared mailbox'],
  ['shop mailbox', 'shared mailbox'],
  ['team email', 'shared mailbox'],
  ['branch email', 'shared mailbox'],
  ['shop email', 'shared mailbox'],
  ['team account', 'shared mailbox'],
  ['shared account', 'shared mailbox'],
  ['shared accounts', 'shared mailbox'],
  ['shared email', 'shared mailbox'],
  ['shared address', 'shared mailbox'],
  // practising
  ['try it', 'practice'],
  ['try out', 'practice'],
  ['trial', 'practice'],
  ['test run', 'practice'],
  ['dry run', 'practice'],
  ['demo', 'practice'],
  ['demonstration', 'practice'],
  ['simulation', 'practice'],
  ['simulate', 'practice'],
  ['rehearse', 'practice'],
  ['rehearsal', 'practice'],
  ['pretend', 'practice'],
  ['dummy', 'practice'],
  ['sandbox', 'practice'],
  ['have a go', 'practice'],
  // feedback and strong feelings
  ['suggestion', 'feedback'],
  ['suggestions', 'feedback'],
  ['suggest', 'feedback'],
  ['comment', 'feedback'],
  ['comments', 'feedback'],
  ['views', 'feedback'],
  ['opinion', 'feedback'],
  ['moan', 'feedback'],
  ['grumble', 'feedback'],
  ['rant', 'feedback'],
  ['rubbish', 'bad'],
  ['awful', 'bad'],
  ['terrible', 'bad'],
  ['nightmare', 'bad'],
  ['hate', 'bad'],
  ['useless', 'bad'],
  ['ridiculous', 'bad'],
  ['annoying', 'bad'],
  ['stupid', 'bad'],
  ['pain', 'bad'],
  ['horrible', 'bad'],
  // the bot itself
  ['assist', 'help'],
  ['assistance', 'help'],
  ['topics', 'menu'],
  ['commands', 'menu'],
  ['start over', 'restart'],
  ['start again', 'restart'],
  ['begin again', 'restart'],
  ['back to the start', 'restart'],
  ['number matching', 'numbermatch'],
  ['number match', 'numbermatch'],
  ['matching number', 'numbermatch'],
  ['match the number', 'numbermatch'],
  ['match numbers', 'numbermatch'],
  ['two digit', '# digit'],
  // computers
  ['pc', 'computer'],
  ['laptop', 'computer'],
  ['desktop', 'computer'],
];

interface Phrase {
  readonly from: readonly string[];
  readonly to: readonly string[];
}

function splitWords(phrase: string): string[] {
  return phrase.split(' ').filter((word) => word !== '');
}

/** Phrases grouped by first word, longest first. */
function indexPhrases(list: readonly (readonly [string, string])[]): ReadonlyMap<string, readonly Phrase[]> {
  const byFirst = new Map<string, Phrase[]>();
  for (const [from, to] of list) {
    const phrase: Phrase = { from: splitWords(from), to: splitWords(to) };
    const first = phrase.from[0];
    if (first === undefined) continue;
    const group = byFirst.get(first) ?? [];
    group.push(phrase);
    byFirst.set(first, group);
  }
  for (const group of byFirst.values()) group.sort((a, b) => b.from.length - a.from.length);
  return byFirst;
}

const PHRASES = indexPhrases(SYNONYM_LIST);

function matchesAt(tokens: readonly string[], start: number, words: readonly string[]): boolean {
  for (let offset = 0; offset < words.length; offset++) {
    if (tokens[start + offset] !== words[offset]) return false;
  }
  return true;
}

/** Rewrite synonyms and shorthand to their canonical words (one pass, longest phrase first). */
export function applySynonyms(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index] ?? '';
    const phrase = PHRASES.get(token)?.find((candidate) => matchesAt(tokens, index, candidate.from));
    if (phrase) {
      out.push(...phrase.to);
      index += phrase.from.length;
    } else {
      out.push(token);
      index += 1;
    }
  }
  return out;
}

/** Every word the synonym table knows (both sides), so the spelling corrector treats them as real words. */
export function synonymWords(): string[] {
  const words = new Set<string>();
  for (const [from, to] of SYNONYM_LIST) {
    for (const word of splitWords(from)) words.add(word);
    for (const word of splitWords(to)) words.add(word);
  }
  return [...words];
}
