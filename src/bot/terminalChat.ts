import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { stdin, stdout, stderr } from 'node:process';
import { randomUUID } from 'node:crypto';
import { MemoryStorage, type Activity } from 'botbuilder';
import type { CardButton } from '../cards/choices.js';
import { ADAPTIVE_CARD_TYPE, isAdaptiveCard } from '../cards/guards.js';
import { cardToText } from '../cards/toText.js';
import { FeedbackService, parseFeedbackConfig, type FeedbackConfig } from '../feedback/index.js';
import { createLogger } from '../log.js';
import { createMatcher } from '../nlu/matcher.js';
import { defaultRandomBytes } from '../feedback/ids.js';
import { openFeedbackStore } from '../feedback/openStore.js';
import { systemClock } from '../feedback/time.js';
import { ConfigError } from '../configError.js';
import { parseRemindersConfig, type RemindersConfig } from '../config.js';
import { openReminderStore } from '../reminders/index.js';
import { createBot } from './createBot.js';
import { TerminalAdapter } from './terminalAdapter.js';
import { terminalReminders } from './terminalReminders.js';
import { createTurnErrorHandler } from './turnError.js';

/**
 * `npm run chat`: the same bot in the terminal. Cards are printed as text with numbered buttons;
 * type a number to press one, or type anything else as a message. Ctrl+C or "/quit" leaves.
 *
 * Feedback given here is real: it goes to the same durable outbox under DATA_DIR as the server's
 * (and on to FEEDBACK_WEBHOOK_URL when set), read from the environment and `.env` the same way.
 * So is "Remind me tomorrow": the reminder is kept in the same database (and listed by
 * `npm run feedback -- status`) and shown here if the chat is still open when it is due.
 */
if (existsSync('.env')) process.loadEnvFile('.env');
let feedbackConfig: FeedbackConfig;
let remindersConfig: RemindersConfig;
try {
  feedbackConfig = parseFeedbackConfig(process.env);
  remindersConfig = parseRemindersConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  stderr.write(`${error.message}\n`);
  process.exit(1);
}
const logger = createLogger('silent');
const feedbackStore = openFeedbackStore({ kind: 'sqlite', dataDir: feedbackConfig.dataDir }, { clock: systemClock, randomBytes: defaultRandomBytes });
const feedback = new FeedbackService({ store: feedbackStore.store, config: feedbackConfig, logger });
feedback.start();
const reminderStore = openReminderStore({ kind: 'sqlite', dataDir: feedbackConfig.dataDir });
const { bot, conversationState, remind } = createBot({ storage: new MemoryStorage(), logger, matcher: createMatcher(), feedback, reminders: { store: reminderStore.store, now: Date.now } });
let buttons: readonly CardButton[] = [];

const adapter = new TerminalAdapter((activity, updated) => {
  if (typeof activity.text === 'string' && activity.text !== '') stdout.write(`\nMFA Assistant: ${activity.text}\n`);
  for (const attachment of activity.attachments ?? []) {
    if (attachment.contentType !== ADAPTIVE_CARD_TYPE || !isAdaptiveCard(attachment.content)) continue;
    const rendered = cardToText(attachment.content);
    buttons = rendered.buttons;
    stdout.write(`\n${updated ? '(card updated)\n' : ''}${rendered.text.replace(/^/gm, '  │ ')}\n`);
  }
});
adapter.onTurnError = createTurnErrorHandler(conversationState, logger);

const user = { id: `terminal-user-${randomUUID().slice(0, 8)}`, name: 'You' };
const botAccount = { id: 'mfa-assistant', name: 'MFA Assistant' };
const conversation = { id: `terminal-${randomUUID()}`, conversationType: 'personal', isGroup: false, name: 'terminal' };

const reminders = terminalReminders({ adapter, store: reminderStore.store, remind, channelId: 'terminal', conversationId: conversation.id, userId: user.id, now: Date.now, intervalMs: remindersConfig.tickMs });
reminders.start();

function activity(extra: Partial<Activity>): Partial<Activity> {
  // The service URL is never dialled (the terminal adapter prints replies); it is http so a reminder's address reads as one.
  return { channelId: 'terminal', serviceUrl: 'http://localhost/terminal', from: user, recipient: botAccount, conversation, id: randomUUID(), timestamp: new Date(), ...extra };
}

await adapter.processTurn(activity({ type: 'conversationUpdate', membersAdded: [user, botAccount] }), (c) => bot.run(c));

const rl = createInterface({ input: stdin, terminal: stdin.isTTY });
stdout.write('\n(Type a number to press a button, or type a message. "/quit" to leave.)\n\nYou: ');
for await (const raw of rl) {
  const line = raw.trim();
  if (!stdin.isTTY) stdout.write(`${line}\n`);
  if (line === '/quit' || line === '/exit') break;
  if (line === '') {
    stdout.write('You: ');
    continue;
  }
  // Button numbers are one or two digits, so a 6-digit practice code is sent as text, never as a press.
  const choice = /^\d{1,2}$/.test(line) ? buttons[Number(line) - 1] : undefined;
  if (choice?.kind === 'url') {
    stdout.write(`\nOpen this in your browser: ${choice.url}\n\nYou: `);
    continue;
  }
  const message = choice?.kind === 'submit' ? activity({ type: 'message', value: choice.data }) : activity({ type: 'message', text: line });
  await adapter.processTurn(message, (c) => bot.run(c));
  stdout.write('\nYou: ');
}
rl.close();
await Promise.all([feedback.stop({ deadlineMs: 5_000 }), reminders.stop()]);
feedbackStore.close();
reminderStore.close();
