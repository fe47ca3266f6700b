import type { Config } from '../config.js';
import { openDatabase } from '../storage/database.js';
import { AzureReminderStore } from './azureStore.js';
import type { ReminderStore } from './model.js';
import { SqliteReminderStore } from './sqliteStore.js';

/** Where reminders are kept: beside feedback, in the embedded database under DATA_DIR or in the Azure storage account's table. */
export type ReminderStoreSettings =
  | { readonly kind: 'sqlite'; readonly dataDir: string }
  | { readonly kind: 'azure'; readonly connectionString: string; readonly table: string; readonly timeoutMs: number };

export interface OpenReminderStore {
  readonly store: ReminderStore;
  /** Releases what the store holds open (its database connection). */
  close(): void;
}

/** Reminders live where feedback lives: the storage account's table with STORAGE=azure (or blob), the database under DATA_DIR otherwise. */
export function reminderStoreSettings(config: Config): ReminderStoreSettings {
  if (config.storage === 'blob' && config.blob !== undefined) {
    return { kind: 'azure', connectionString: config.blob.connectionString, table: config.blob.reminderTable, timeoutMs: config.resilience.storageTimeoutMs };
  }
  return { kind: 'sqlite', dataDir: config.feedback.dataDir };
}

/** Opens the store the settings name: its own connection to the bot's database file (0600), or the Azure table (created on first use). */
export function openReminderStore(settings: ReminderStoreSettings): OpenReminderStore {
  if (settings.kind === 'azure') {
    return { store: new AzureReminderStore({ connectionString: settings.connectionString, table: settings.table, timeoutMs: settings.timeoutMs }), close: () => undefined };
  }
  const db = openDatabase({ dataDir: settings.dataDir });
  return { store: new SqliteReminderStore(db), close: () => db.close() };
}
