import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

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

describe('the processes people start', () => {
  it('npm run chat: cards as text, buttons chosen by number', async () => {
    const { stdout, code } = await run(['src/bot/terminalChat.ts'], ['2', '1', 'help', 'cancel', '/quit', ''].join('\n'));
    expect(code).toBe(0);
    expect(stdout).toContain("Hello, I'm the MFA Assistant");
    expect(stdout).toMatch(/2\. Set up MFA/);
    expect(stdout).toContain('Step 1 of 5');
    expect(stdout).toContain('Step 2 of 5');
    expect(stdout).toContain("You're in the MFA set-up walkthrough");
    expect(stdout).toContain("kept your place");
  });

  it('a bad setting stops start-up with one clear line', async () => {
    const { code, stderr } = await run(['src/index.ts'], '', { PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').filter((l) => l.includes('Configuration error'))).toEqual(['Configuration error: PORT must be a whole number (got "eighty")']);
  });
});
