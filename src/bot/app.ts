import { MemoryStorage, type Storage } from 'botbuilder';
import type { Server } from 'restify';
import { answerForTab } from '../cards/answer.js';
import { createMatcher } from '../nlu/matcher.js';
import type { Matcher } from '../nlu/types.js';
import { buildGuide } from '../cards/guide.js';
import type { Config } from '../config.js';
import { FeedbackService } from '../feedback/index.js';
import { defaultRandomBytes } from '../feedback/ids.js';
import { feedbackStoreSettings, openFeedbackStore } from '../feedback/openStore.js';
import { systemClock } from '../feedback/time.js';
import { openReminderStore, ReminderScheduler, reminderStoreSettings, type ReminderStore } from '../reminders/index.js';
import { FunnelRecorder, funnelSource, openFunnelStore } from '../funnel/index.js';
import { databasePath, openDatabase, SqliteStorage, WalCheckpointer, type SqliteDatabase } from '../storage/index.js';
import type { Logger } from '../log.js';
import { MfaAdapter, type BotAuthentication } from './adapter.js';
import { ReusingBotFrameworkAuthentication } from './authentication.js';
import { createBlobStorage } from './blobStorage.js';
import { DEFAULT_CHAT_DIR } from './chatRoutes.js';
import { createBot } from './createBot.js';
import { createReminderSender } from './reminderSender.js';
import { GuardedStorage } from './guardedStorage.js';
import { InFlight } from './inFlight.js';
import { OptimisticStorage } from './optimisticStorage.js';
import { Readiness } from './readiness.js';
import type { MfaBot } from './mfaBot.js';
import { createServer } from './server.js';
import { createTurnErrorHandler } from './turnError.js';
import { TurnGuard } from './turnGuard.js';

export interface App {
  readonly server: Server;
  readonly adapter: MfaAdapter;
  readonly bot: MfaBot;
  /** Requests being answered; `drain()` stops taking new ones and waits for these (SIGTERM). */
  readonly inFlight: InFlight;
  readonly feedback: FeedbackService;
  /** "Remind me tomorrow": the store, and the scheduler that sends due reminders (none in local mode). */
  readonly reminders: { readonly store: ReminderStore; readonly scheduler: ReminderScheduler | undefined };
  /** Starts background work (feedback delivery, digests). */
  start(): void;
  /** Stops taking requests, lets turns in flight finish, flushes feedback, closes the database. */
  stop(): Promise<void>;
}

export interface AppDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly version: string;
  readonly storage?: Storage;
  /** How tokens are checked; by default from the credentials in config. */
  readonly authentication?: BotAuthentication;
  /** The intent matcher (built at start-up when not given; tests share one). */
  readonly matcher?: Matcher;
  /** Where the built /tab files are (default: the project's build/tab). */
  readonly tabDir?: string;
  /** Where the built /chat page is (default: the project's build/chat). */
  readonly chatDir?: string;
  /** The clock reminders are due by (default Date.now); tests move it on instead of waiting. */
  readonly reminderClock?: () => number;
  /**
   * Send due reminders (default: only with credentials; in local mode they are only listed by
   * `npm run feedback -- status`). Tests turn it on to send through a loopback stand-in connector.
   */
  readonly sendReminders?: boolean;
}

/** The intent matcher, read from what `npm run build` trained or trained here; which, and how long it took, is logged. */
function builtMatcher(logger: Logger): Matcher {
  const started = performance.now();
  const matcher = createMatcher();
  logger.info({ event: 'matcher_ready', origin: matcher.origin, ms: Math.round(performance.now() - started) }, 'intent matcher ready');
  return matcher;
}

/** Bot state: the embedded SQLite database by default, memory (lost on restart), or Azure Blob Storage (shared by instances). */
export function createStorage(config: Config, db: SqliteDatabase | undefined): Storage {
  switch (config.storage) {
    case 'sqlite':
      if (db === undefined) throw new Error('STORAGE=sqlite without a database');
      return new SqliteStorage(db);
    case 'memory':
      return new MemoryStorage();
    case 'blob':
      if (config.blob === undefined) throw new Error('STORAGE=blob without blob settings');
      return createBlobStorage(config.blob, config.resilience.storageTimeoutMs);
  }
}

export function createAuthentication(config: Config): BotAuthentication {
  const { appId, appPassword, tenantId, appType } = config.credentials;
  return new ReusingBotFrameworkAuthentication({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppTenantId: tenantId,
    MicrosoftAppType: appType,
  });
}

export function createAdapter(config: Config, authentication: BotAuthentication = createAuthentication(config)): MfaAdapter {
  return new MfaAdapter(authentication);
}

/** Wires storage → state → conversations → bot → adapter → HTTP server. Does not listen. */
export function createApp(deps: AppDeps): App {
  const { config, logger } = deps;
  // Bot state gets its own connection to the same file with synchronous=NORMAL: a turn's save
  // reaches the write-ahead log at once (it survives a killed process or a restart) without waiting
  // for the disk, which was a quarter of a turn's time under load. A conversation's last step or
  // two could be lost in a power cut, which the user can redo; the feedback outbox keeps FULL.
  const stateDb = config.storage === 'sqlite' && deps.storage === undefined ? openDatabase({ dataDir: config.feedback.dataDir, synchronous: 'NORMAL' }) : undefined;
  // Its write-ahead log is copied into the database on a worker thread (from start()), not inside a turn's commit.
  let checkpointer: WalCheckpointer | undefined;
  const feedbackStore = openFeedbackStore(feedbackStoreSettings(config), { clock: systemClock, randomBytes: defaultRandomBytes });
  // The enrolment funnel's counters live beside the feedback records; a turn only adds in memory.
  const funnelStore = openFunnelStore(feedbackStoreSettings(config));
  const funnel = new FunnelRecorder({ store: funnelStore.store, log: logger });
  const feedback = new FeedbackService({ store: feedbackStore.store, config: config.feedback, logger, funnel: funnelSource(funnel) });
  const matcher = deps.matcher ?? builtMatcher(logger);
  // Every store saves with the ETag each turn read (so concurrent turns cannot overwrite each
  // other) and fails in ways the turn error handler understands. Azure Blob Storage also gets a
  // time limit per call (memory and SQLite answer in-process: no timer on their hot path) and is
  // rebuilt after a failure, so the bot recovers by itself when storage returns.
  const remote = deps.storage === undefined && config.storage === 'blob';
  const storage = new GuardedStorage({
    storage: new OptimisticStorage(deps.storage ?? createStorage(config, stateDb)),
    ...(remote ? { recreate: () => new OptimisticStorage(createStorage(config, stateDb)), timeoutMs: config.resilience.storageTimeoutMs } : {}),
    logger,
  });
  const reminderStore = openReminderStore(reminderStoreSettings(config));
  const now = deps.reminderClock ?? Date.now;
  const { bot, conversationState, remind } = createBot({ storage, logger, matcher, feedback, funnel, reminders: { store: reminderStore.store, now } });
  const adapter = createAdapter(config, deps.authentication);
  const botAppId = config.credentials.appId;
  const scheduler =
    (deps.sendReminders ?? !config.localMode)
      ? new ReminderScheduler({
          store: reminderStore.store,
          send: createReminderSender((reference, logic) => adapter.continueConversationAsync(botAppId, reference, logic), remind),
          now,
          logger,
          intervalMs: config.reminders.tickMs,
        })
      : undefined;
  // First, so the conversation's rate limit and the turn's time budget cover everything after it.
  const turnGuard = new TurnGuard({ perConversationPerMinute: config.resilience.ratePerConversationPerMinute, turnTimeoutMs: config.resilience.turnTimeoutMs, logger });
  adapter.use(turnGuard);
  adapter.onTurnError = createTurnErrorHandler(conversationState, logger);
  const inFlight = new InFlight();
  const server = createServer({
    adapter,
    runTurn: (context) => bot.run(context),
    logger,
    version: deps.version,
    maxBodyBytes: config.maxBodyBytes,
    resilience: config.resilience,
    inFlight,
    turnGuard,
    localMode: config.localMode,
    // A read of a key nobody writes: answered from storage (Azure: a 404 is an answer), never from a cache.
    readiness: new Readiness({ probe: () => storage.read(['readyz-probe']), timeoutMs: Math.min(2000, config.resilience.storageTimeoutMs), cacheMs: 5000 }),
    guide: buildGuide(),
    ask: (question) => answerForTab(matcher, question),
    ...(deps.tabDir === undefined ? {} : { tabDir: deps.tabDir }),
    chat: { dir: deps.chatDir ?? DEFAULT_CHAT_DIR, bridge: config.devChat, credentialsSet: !config.localMode },
  });
  let stopped: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    // New requests get 503 from now on; stop accepting connections; let the turns in flight finish.
    const drained = inFlight.drain();
    server.server.close();
    await drained;
    await funnel.stop();
    await Promise.all([feedback.stop({ deadlineMs: 8_000 }), scheduler?.stop(), checkpointer?.stop()]);
    stateDb?.close();
    feedbackStore.close();
    funnelStore.close();
    reminderStore.close();
    server.server.closeAllConnections();
  };
  return {
    server,
    adapter,
    bot,
    inFlight,
    feedback,
    reminders: { store: reminderStore.store, scheduler },
    start: () => {
      if (stateDb !== undefined) {
        checkpointer ??= new WalCheckpointer({
          path: databasePath(config.feedback.dataDir),
          db: stateDb,
          onFailure: (reason) => logger.warn({ event: 'checkpointer_failed', reason }, 'write-ahead log checkpoints are back on the event loop'),
        });
      }
      funnel.start();
      feedback.start();
      scheduler?.start();
    },
    stop: () => (stopped ??= stop()),
  };
}
