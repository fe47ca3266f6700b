import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MemoryStorage,
  type Storage,
} from 'botbuilder';
import type { Server } from 'restify';
import { answerForTab } from '../cards/answer.js';
import { createMatcher } from '../nlu/matcher.js';
import type { Matcher } from '../nlu/types.js';
import { buildGuide } from '../cards/guide.js';
import type { Config } from '../config.js';
import { FeedbackService } from '../feedback/index.js';
import { openDatabase, SqliteStorage, type SqliteDatabase } from '../storage/index.js';
import type { Logger } from '../log.js';
import { DEFAULT_CHAT_DIR } from './chatRoutes.js';
import { createBot } from './createBot.js';
import type { MfaBot } from './mfaBot.js';
import { createServer } from './server.js';
import { createTurnErrorHandler } from './turnError.js';

export interface App {
  readonly server: Server;
  readonly adapter: CloudAdapter;
  readonly bot: MfaBot;
  readonly feedback: FeedbackService;
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
  /** The intent matcher (built at start-up when not given; tests share one). */
  readonly matcher?: Matcher;
  /** Where the built /tab files are (default: the project's build/tab). */
  readonly tabDir?: string;
  /** Where the built /chat page is (default: the project's build/chat). */
  readonly chatDir?: string;
}

/** Bot state: the embedded SQLite database by default, or memory (lost on restart). */
export function createStorage(config: Config, db: SqliteDatabase): Storage {
  switch (config.storage) {
    case 'sqlite':
      return new SqliteStorage(db);
    case 'memory':
      return new MemoryStorage();
  }
}

export function createAdapter(config: Config): CloudAdapter {
  const { appId, appPassword, tenantId, appType } = config.credentials;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppTenantId: tenantId,
    MicrosoftAppType: appType,
  });
  return new CloudAdapter(auth);
}

/** Wires storage → state → conversations → bot → adapter → HTTP server. Does not listen. */
export function createApp(deps: AppDeps): App {
  const db = openDatabase({ dataDir: deps.config.feedback.dataDir });
  const feedback = new FeedbackService({ db, config: deps.config.feedback, logger: deps.logger });
  const matcher = deps.matcher ?? createMatcher();
  const { bot, conversationState, middleware } = createBot({ storage: deps.storage ?? createStorage(deps.config, db), logger: deps.logger, matcher, feedback });
  const adapter = createAdapter(deps.config);
  for (const m of middleware) adapter.use(m);
  adapter.onTurnError = createTurnErrorHandler(conversationState, deps.logger);
  const server = createServer({
    adapter,
    runTurn: (context) => bot.run(context),
    logger: deps.logger,
    version: deps.version,
    maxBodyBytes: deps.config.maxBodyBytes,
    guide: buildGuide(),
    ask: (question) => answerForTab(matcher, question),
    ...(deps.tabDir === undefined ? {} : { tabDir: deps.tabDir }),
    chat: { dir: deps.chatDir ?? DEFAULT_CHAT_DIR, bridge: deps.config.devChat, credentialsSet: !deps.config.localMode },
  });
  let stopped: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await feedback.stop({ deadlineMs: 8_000 });
    db.close();
  };
  return {
    server,
    adapter,
    bot,
    feedback,
    start: () => feedback.start(),
    stop: () => (stopped ??= stop()),
  };
}
