import type { FeedbackStoreSettings } from '../feedback/openStore.js';
import { openDatabase } from '../storage/database.js';
import { AzureFunnelStore } from './azureTableStore.js';
import { SqliteFunnelStore } from './sqliteStore.js';
import type { FunnelStore } from './store.js';

export interface OpenFunnelStore {
  readonly store: FunnelStore;
  /** Releases what the store holds open (its database connection). */
  close(): void;
}

/** The counters go where the feedback records are: the embedded database, or the same Azure table. */
export function openFunnelStore(settings: FeedbackStoreSettings): OpenFunnelStore {
  if (settings.kind === 'azure') {
    return { store: new AzureFunnelStore({ connectionString: settings.connectionString, table: settings.table, timeoutMs: settings.timeoutMs }), close: () => undefined };
  }
  const db = openDatabase({ dataDir: settings.dataDir });
  return { store: new SqliteFunnelStore(db), close: () => db.close() };
}
