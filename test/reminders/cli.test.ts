import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reminderKey, toReminderAddress } from '../../src/reminders/index.js';
import { SqliteReminderStore } from '../../src/reminders/sqliteStore.js';
import { openDatabase } from '../../src/storage/database.js';
import { runTs } from '../support/childProcess.js';
import { makeTempDir } from '../support/tempDir.js';

const CLI = 'src/feedback/cli.ts';
const HOUR = 3_600_000;

let temp: ReturnType<typeof makeTempDir>;

beforeEach(() => {
  temp = makeTempDir('reminder-cli');
});

afterEach(() => {
  temp.remove();
});

/** Two reminders as the bot in local mode stores them: one due an hour ago, one due in a day. */
async function seed(): Promise<string[]> {
  const db = openDatabase({ dataDir: temp.dir });
  const store = new SqliteReminderStore(db);
  const keys: string[] = [];
  for (const [conversation, offset] of [['a:private-conversation-1', -HOUR], ['a:private-conversation-2', 24 * HOUR]] as const) {
    const address = toReminderAddress({ channelId: 'emulator', serviceUrl: 'http://localhost:1234/', conversation: { id: conversation }, user: { id: 'user-secret-id', name: 'Jo Bloggs' }, bot: { id: 'bot' } });
    if (address === undefined) throw new Error('bad address');
    const key = reminderKey(address);
    keys.push(key);
    await store.set({ key, address, dueAt: Date.now() + offset, createdAt: Date.now() });
  }
  db.close();
  return keys;
}

describe('npm run feedback -- status lists reminders', () => {
  it('in local mode: each pending reminder with its due time, not sent, and no ids or names', async () => {
    const keys = await seed();
    const { code, stdout } = await runTs(CLI, { DATA_DIR: temp.dir, FEEDBACK_USER_HASH_SALT: 'test-salt-0123456789' }, ['status']);
    expect(code).toBe(0);
    expect(stdout).toContain('Reminders ("Remind me tomorrow")');
    expect(stdout).toContain('pending:   2 (1 due now)');
    expect(stdout).toContain('reminders are not sent');
    expect(stdout).toMatch(/due 1 hour ago/);
    expect(stdout).toMatch(/due in (24 hours|1 day)/);
    for (const key of keys) expect(stdout).toContain(key.slice(0, 12));
    expect(stdout).not.toMatch(/private-conversation|user-secret-id|Jo Bloggs/);
    const json = await runTs(CLI, { DATA_DIR: temp.dir, FEEDBACK_USER_HASH_SALT: 'test-salt-0123456789' }, ['status', '--json']);
    const parsed: unknown = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ reminders: { pending: 2, sent: false } });
  });
});
