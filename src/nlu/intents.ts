/**
 * The intents the bot recognises in what people type. `none` means "outside what the bot knows".
 * Content (answers, training examples) is keyed by these ids.
 */
export const INTENT_IDS = [
  'about.what',
  'about.why',
  'about.rollout',
  'enrol.how',
  'methods.choose',
  'methods.app',
  'methods.sms',
  'methods.call',
  'methods.fido2',
  'methods.change',
  'signin.number_match',
  'signin.unexpected',
  'signin.frequency',
  'trouble.new_phone',
  'trouble.code_rejected',
  'trouble.no_code',
  'trouble.locked_out',
  'trouble.no_smartphone',
  'travel.abroad',
  'mailbox.shared',
  'practice.start',
  'feedback.give',
  'chat.greeting',
  'chat.help',
  'help.local_admin',
  'travel.abroad_locked_out',
  'enrol.colleague_phone',
  'methods.backup',
  'trouble.phone_not_with_me',
  'enrol.duration',
  'none',
] as const;

export type IntentId = (typeof INTENT_IDS)[number];

/** Every intent except `none`: the ones the bot can answer. */
export type InScopeIntentId = Exclude<IntentId, 'none'>;

export const IN_SCOPE_INTENT_IDS: readonly InScopeIntentId[] = INTENT_IDS.filter(
  (id): id is InScopeIntentId => id !== 'none',
);

export function isIntentId(value: unknown): value is IntentId {
  return typeof value === 'string' && (INTENT_IDS as readonly string[]).includes(value);
}

export function isInScopeIntentId(value: unknown): value is InScopeIntentId {
  return isIntentId(value) && value !== 'none';
}
