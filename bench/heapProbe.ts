/**
 * The real app (createApp, as src/index.ts builds it) in a process started with --expose-gc, for
 * measuring the heap that conversations keep after a full garbage collection. RSS alone mostly
 * shows how far V8 let the heap grow under load. Prints {"event":"started","port":N}; then each
 * "measure" line on stdin is answered with {"event":"heap","heapUsed":bytes,"storedBytes":bytes}
 * (stored: the memory store's keys and values, or the size of the files under DATA_DIR).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { MemoryStorage } from 'botbuilder';
import { createApp } from '../src/bot/app.js';
import { listen } from '../src/bot/server.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';

const gc = globalThis.gc;
if (gc === undefined) throw new Error('run with node --expose-gc');
const config = loadConfig({ ...process.env, PORT: '0' });
// With the memory store, keep a handle on what it stores to report the state's own size.
const memory: Record<string, string> = {};
const app = createApp({ config, logger: createLogger('warn'), version: 'bench', ...(config.storage === 'memory' ? { storage: new MemoryStorage(memory) } : {}) });
const port = await listen(app.server, 0, '127.0.0.1');
process.stdout.write(`${JSON.stringify({ event: 'started', port })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== 'measure') continue;
  for (let i = 0; i < 3; i++) gc();
  // The memory store's keys and JSON; for SQLite, the database files under DATA_DIR.
  const storedBytes =
    config.storage === 'memory'
      ? Object.entries(memory).reduce((n, [k, v]) => n + k.length + v.length, 0)
      : readdirSync(config.feedback.dataDir).reduce((n, f) => n + statSync(join(config.feedback.dataDir, f)).size, 0);
  process.stdout.write(`${JSON.stringify({ event: 'heap', heapUsed: process.memoryUsage().heapUsed, storedBytes })}\n`);
}
