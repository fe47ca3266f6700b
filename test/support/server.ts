import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/bot/app.js';
import { listen } from '../../src/bot/server.js';
import { loadConfig, type Env } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/log.js';
import type { Matcher } from '../../src/nlu/types.js';
import { sharedMatcher } from './chat.js';

export interface RunningServer {
  readonly url: string;
  readonly app: App;
  close(): Promise<void>;
}

/** The real bot server on a free loopback port, with its data in a fresh temporary folder. */
export async function startServer(env: Env = {}, options: { chatDir?: string; tabDir?: string; matcher?: Matcher; logger?: Logger; reminderClock?: () => number; sendReminders?: boolean } = {}): Promise<RunningServer> {
  const dataDir = env.DATA_DIR === undefined ? mkdtempSync(join(tmpdir(), 'mfa-data-')) : undefined;
  const config = loadConfig({ PORT: '0', ...(dataDir === undefined ? {} : { DATA_DIR: dataDir }), ...env });
  const app = createApp({ config, version: '9.9.9-test', ...options, logger: options.logger ?? createLogger('silent'), matcher: options.matcher ?? sharedMatcher() });
  app.start();
  const port = await listen(app.server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    close: async () => {
      await app.stop();
      if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** Posts one activity with deliveryMode expectReplies and returns the HTTP status and the bot's replies. */
export async function postActivity(url: string, activity: Record<string, unknown>, headers: Record<string, string> = {}) {
  const body = {
    channelId: 'emulator',
    from: { id: 'user-1', name: 'Test User' },
    recipient: { id: 'bot', name: 'MFA Assistant' },
    conversation: { id: 'conv-1' },
    id: `a${++counter}`,
    deliveryMode: 'expectReplies',
    ...activity,
  };
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  const json: unknown = text === '' ? undefined : JSON.parse(text);
  const activities: unknown[] =
    typeof json === 'object' && json !== null && 'activities' in json && Array.isArray(json.activities) ? json.activities : [];
  return { status: res.status, activities };
}
