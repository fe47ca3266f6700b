import { existsSync } from 'node:fs';
import { createApp } from './bot/app.js';
import { listen } from './bot/server.js';
import { createShutdown } from './bot/shutdown.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger, stdoutLogOutput } from './log.js';
import { describeStartupError } from './startupError.js';
import { packageVersion } from './version.js';

// Composition root: config → storage → adapter → bot → restify server.
if (existsSync('.env')) process.loadEnvFile('.env');

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const logOutput = stdoutLogOutput();
const logger = createLogger(config.logLevel, logOutput.stream);
const version = packageVersion();
let app;
let port;
try {
  app = createApp({ config, logger, version });
  port = await listen(app.server, config.port, config.host);
} catch (error) {
  // One line naming the setting at fault; never a stack trace or the error's own text (it may quote a secret).
  process.stderr.write(`${describeStartupError(error, { host: config.host, port: config.port, dataDir: config.feedback.dataDir })}\n`);
  process.exit(1);
}
for (const notice of config.feedback.notices) logger.info({ event: 'feedback_config' }, notice);
app.start();
logger.info({ event: 'started', port, version, localMode: config.localMode, storage: config.storage, devChat: config.devChat }, 'MFA Assistant listening');
if (config.localMode) {
  logger.info({ event: 'local_mode', endpoint: `http://localhost:${port}/api/messages` }, 'No MicrosoftAppId set: accepting local unauthenticated traffic (Bot Framework Emulator, npm run chat)');
}
logger.info(
  { event: 'reminders', sending: app.reminders.scheduler !== undefined, tickMs: config.reminders.tickMs },
  app.reminders.scheduler === undefined ? 'Reminders are kept but not sent in local mode: npm run feedback -- status lists them' : 'Sending due reminders',
);
if (config.devChat) {
  logger.info({ event: 'dev_chat', url: `http://localhost:${port}/chat` }, 'Try the bot in a browser with Web Chat');
}

// SIGTERM: stop accepting, finish the turns in flight, flush the feedback outbox, exit 0 within 10 s.
// The logs get at most half a second to be written; a stalled reader of standard output never holds the exit.
const shutdown = createShutdown({ app, logger, deadlineMs: 9000, exit: (code) => void logOutput.flush(500).finally(() => process.exit(code)) });
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
// A promise nobody waited for must not take the whole bot down; log it (name only) and carry on.
process.on('unhandledRejection', (reason) => {
  logger.error({ event: 'unhandled_rejection', error: reason instanceof Error ? reason.name : typeof reason }, 'unhandled rejection');
});
