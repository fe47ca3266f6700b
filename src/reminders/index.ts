export { reminderKey, toReminderAddress } from './address.js';
export { REMINDER_DELAY_MS, type ClaimedReminder, type NewReminder, type Reminder, type ReminderAddress, type ReminderStore, type ReminderSummary, type ReminderWhen } from './model.js';
export { openReminderStore, reminderStoreSettings, type OpenReminderStore, type ReminderStoreSettings } from './openStore.js';
export { ReminderScheduler, type ReminderSend, type SendOutcome, type TickResult } from './scheduler.js';
export { reminderStatusJson, reminderStatusLines } from './status.js';
