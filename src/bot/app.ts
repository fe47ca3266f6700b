import { MemoryStorage, type Storage } from 'botbuilder';
import type { Server } from 'restify';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { MfaAdapter, type BotAuthentication } from './adapter.js';
import { ReusingBotFrameworkAuthentication } from './authentication.js';
import { createBlobStorage } from './blobStorage.js';
import { createBot } from './createBot.js';
import { GuardedStorage } from './guardedStorage.js';
import { InFlight } from './inFlight.js';
import { OptimisticStorage } from './optimisticStorage.js';
import type { MfaBot } from './mfaBot.js';
import { createServer } from './server.js';
import { createTurnErrorHandler } from './turnError.js';

export interface App {
  readonly server: Server;
  readonly adapter: MfaAdapter;
  readonly bot: MfaBot;
  /** Requests being answered; `drain()` stops taking new ones and waits for these (SIGTERM). */
  readonly inFlight: InFlight;
}

export interface AppDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly version: string;
  readonly storage?: Storage;
  /** How tokens are checked; by default from the credentials in config. */
  readonly authentication?: BotAuthentication;
}

export function createStorage(config: Config): Storage {
  switch (config.storage) {
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
  // Every store saves with the ETag each turn read (so concurrent turns cannot overwrite each
  // other), has a time limit, and fails in ways the turn error handler understands; a blob store
  // is rebuilt after a failure so the bot recovers by itself when storage returns.
  const storage = new GuardedStorage({
    storage: new OptimisticStorage(deps.storage ?? createStorage(config)),
    ...(deps.storage === undefined && config.storage === 'blob' ? { recreate: () => new OptimisticStorage(createStorage(config)) } : {}),
    // Memory cannot be slow: no timer on the hot path for it.
    ...(deps.storage === undefined && config.storage === 'memory' ? {} : { timeoutMs: config.resilience.storageTimeoutMs }),
    logger,
  });
  const { bot, conversationState } = createBot(storage, logger);
  const adapter = createAdapter(config, deps.authentication);
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
  });
  return { server, adapter, bot, inFlight };
}
