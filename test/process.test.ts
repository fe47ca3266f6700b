import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFeedbackConfig } from '../src/feedback/config.js';
import { defaultRandomBytes } from '../src/feedback/ids.js';
import { FeedbackService } from '../src/feedback/service.js';
import { createSqliteFeedbackStore } from '../src/feedback/sqliteStore.js';
import { systemClock } from '../src/feedback/time.js';
import { openDatabase } from '../src/storage/database.js';
import { makeTempDir } from './support/tempDir.js';

const TSX = ['--import', 'tsx'];

function run(args: string[], input: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...TSX, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const temps: (() => void)[] = [];
afterEach(() => {
  for (const remove of temps.splice(0)) remove();
});

/** A fresh DATA_DIR, so the terminal chat's feedback database never lands in the working tree. */
function dataDir(): string {
  const temp = makeTempDir('terminal');
  temps.push(temp.remove);
  return temp.dir;
}

describe('the processes people start', () => {
  it('npm run chat: cards as text, buttons chosen by number', async () => {
    const { stdout, code } = await run(['src/bot/terminalChat.ts'], ['2', '1', 'help', 'cancel', '/quit', ''].join('\n'), { DATA_DIR: dataDir() });
    expect(code).toBe(0);
    expect(stdout).toContain("Hello, I'm the MFA Assistant");
    expect(stdout).toMatch(/2\. Set up MFA/);
    expect(stdout).toContain('Step 1 of 5');
    expect(stdout).toContain('Step 2 of 5');
    expect(stdout).toContain("You're in the MFA set-up walkthrough");
    expect(stdout).toContain("kept your place");
  });

  it('npm run chat: feedback given in the terminal is kept in the outbox under DATA_DIR, with its reference shown', async () => {
    const dir = dataDir();
    // Give feedback (6) → Authenticator app (2) → rating 4 → typed text → Pharmacist (1) → Send (1).
    const lines = ['6', '2', '4', 'The text with my code 123456 took ages.', '1', '1', '/quit', ''];
    const { stdout, code } = await run(['src/bot/terminalChat.ts'], lines.join('\n'), { DATA_DIR: dir, FEEDBACK_WEBHOOK_URL: '' });
    expect(code).toBe(0);
    expect(stdout).toContain('Question 1 of 4');
    expect(stdout).toContain('(Your feedback)');
    expect(stdout).toContain('I removed a verification code');
    const reference = /FB-[2-9A-Z]{4}/.exec(stdout)?.[0];
    expect(reference).toBeDefined();

    const db = openDatabase({ dataDir: dir });
    try {
      const service = new FeedbackService({ store: createSqliteFeedbackStore(db, { clock: systemClock, randomBytes: defaultRandomBytes }), config: parseFeedbackConfig({ DATA_DIR: dir }) });
      const items = (await service.outbox.feedbackBetween(0, Number.MAX_SAFE_INTEGER));
      expect(items).toEqual([
        expect.objectContaining({ reference, category: 'authenticator app', rating: 4, role: 'pharmacist', channel: 'terminal', text: 'The text with my code [code removed] took ages.' }),
      ]);
    } finally {
      db.close();
    }
  });

  it('a bad setting stops start-up with one clear line', async () => {
    const { code, stderr } = await run(['src/index.ts'], '', { PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').filter((l) => l.includes('Configuration error'))).toEqual(['Configuration error: PORT must be a whole number (got "eighty")']);
  });
});
