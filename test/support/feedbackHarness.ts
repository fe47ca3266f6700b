import { Webhook } from 'standardwebhooks';
import { parseFeedbackConfig } from '../../src/feedback/config.js';
import { FeedbackService, type FeedbackServiceOptions } from '../../src/feedback/service.js';
import { defaultRandomBytes } from '../../src/feedback/ids.js';
import { createSqliteFeedbackStore } from '../../src/feedback/sqliteStore.js';
import type { FeedbackStore } from '../../src/feedback/store.js';
import { systemClock } from '../../src/feedback/time.js';
import { openDatabase, type SqliteDatabase } from '../../src/storage/database.js';
import type { ReceivedRequest } from './webhookReceiver.js';

export const TEST_SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

/** Short delays so retry tests take milliseconds, not hours. */
export const FAST_RETRY = { baseDelayMs: 20, maxDelayMs: 200, giveUpAfterMs: 60_000, timeoutMs: 2_000 };

export interface Harness {
  readonly db: SqliteDatabase;
  readonly store: FeedbackStore;
  readonly service: FeedbackService;
  close(): Promise<void>;
}

export interface HarnessOptions extends Partial<Omit<FeedbackServiceOptions, 'store' | 'config'>> {
  readonly dataDir: string;
  readonly url?: string;
  readonly format?: string;
  readonly secret?: string;
  readonly digestEvery?: string;
}

/** A FeedbackService over a real database file, configured the way the bot configures it (from env). */
export function makeHarness(options: HarnessOptions): Harness {
  const { dataDir, url, format, secret, digestEvery, ...rest } = options;
  const config = parseFeedbackConfig({
    DATA_DIR: dataDir,
    FEEDBACK_WEBHOOK_URL: url,
    FEEDBACK_WEBHOOK_FORMAT: format,
    FEEDBACK_WEBHOOK_SECRET: secret,
    FEEDBACK_DIGEST_EVERY: digestEvery,
    FEEDBACK_USER_HASH_SALT: 'test-salt-0123456789',
  });
  const db = openDatabase({ dataDir: config.dataDir });
  const store = createSqliteFeedbackStore(db, { clock: rest.clock ?? systemClock, randomBytes: rest.randomBytes ?? defaultRandomBytes });
  const service = new FeedbackService({ retry: FAST_RETRY, leaseMarginMs: 100, pollIntervalMs: 200, ...rest, store, config });
  return {
    db,
    store,
    service,
    close: async () => {
      await service.stop({ deadlineMs: 200 });
      db.close();
    },
  };
}

/** Verifies a request's signature with the standardwebhooks package (throws when invalid). */
export function verifySignature(request: ReceivedRequest, secret: string = TEST_SECRET): unknown {
  return new Webhook(secret).verify(request.body, request.headers);
}

export function draft(text: string, category: 'enrolment' | 'authenticator app' | 'FIDO2' | 'other' = 'authenticator app') {
  return { category, rating: 4, text, role: 'pharmacist' as const };
}
