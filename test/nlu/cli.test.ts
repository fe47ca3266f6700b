import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TRAINING_SET } from '../../src/content/intents/index.js';
import { INTENT_IDS } from '../../src/nlu/intents.js';
import { OUTSIDERS_FLOORS } from './outsiders-floors.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'nlu-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

function nlu(args: readonly string[], stdin = ''): Promise<Run> {
  return run(process.execPath, ['--import', 'tsx', 'src/nlu/cli.ts', ...args], stdin);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function writeFile(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

describe('npm run nlu -- classify', () => {
  it('prints exactly one JSON line per question, and nothing else', async () => {
    const result = await nlu(['classify'], 'my code keeps getting rejected\n\ngot a new phone\r\nwhat is the wifi password\n');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(3);
    const parsed: unknown[] = lines.map((line) => JSON.parse(line));
    const records = parsed.filter(isRecord);
    expect(records).toHaveLength(3);
    expect(records.map((record) => Object.keys(record))).toEqual([
      ['text', 'intent', 'confidence'],
      ['text', 'intent', 'confidence'],
      ['text', 'intent', 'confidence'],
    ]);
    expect(records.map((record) => [record.text, record.intent])).toEqual([
      ['my code keeps getting rejected', 'trouble.code_rejected'],
      ['got a new phone', 'trouble.new_phone'],
      ['what is the wifi password', 'none'],
    ]);
    for (const record of records) {
      expect(typeof record.confidence).toBe('number');
      expect(record.confidence).toBeGreaterThanOrEqual(0);
      expect(record.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('keeps stdout clean through npm too (npm run -s)', async () => {
    const result = await run('npm', ['run', '-s', 'nlu', '--', 'classify'], 'hello\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\{"text":"hello","intent":"chat\.greeting","confidence":[0-9.]+\}\n$/);
  });
});

describe('npm run nlu -- test', () => {
  const file = writeFile(
    'questions.jsonl',
    [
      { text: 'got a new phone', intent: 'trouble.new_phone' },
      { text: 'how do I enrol for MFA', intent: 'enrol.how' },
      { text: 'my code keeps getting rejected', intent: 'methods.fido2' },
      { text: 'what is the wifi password', intent: 'none' },
      { text: 'how much is a prescription', intent: 'none' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n'),
  );

  it('checks floors: exit 0 when every figure holds, 1 naming each figure that falls past its floor', async () => {
    // 2 of 3 in scope right, 2 of 2 out of scope rejected, no false rejection.
    const pass = await nlu(['test', file, '--min-in-scope=0.6', '--min-out-of-scope=1', '--max-false-rejections=0']);
    expect(pass.code).toBe(0);
    expect(pass.stderr).toBe('');
    const fail = await nlu(['test', file, '--min-in-scope=0.9', '--min-out-of-scope=0.5', '--json']);
    expect(fail.code).toBe(1);
    expect(fail.stderr).toBe('nlu test: in-scope accuracy 0.667 is below the floor 0.9\n');
    expect(JSON.parse(fail.stdout)).toMatchObject({ questions: 5 });
  });

  it('passes the floors on the outsiders\' held-out set (the CI regression check)', async () => {
    const { inScopeAccuracy, outOfScopeRecall, falseRejectionRate } = OUTSIDERS_FLOORS;
    const result = await nlu([
      'test',
      'test/nlu/heldout-outsiders.jsonl',
      `--min-in-scope=${inScopeAccuracy}`,
      `--min-out-of-scope=${outOfScopeRecall}`,
      `--max-false-rejections=${falseRejectionRate}`,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('rejects an unknown floor or one outside 0–1 with the usage', async () => {
    for (const option of ['--min-accuracy=0.5', '--min-in-scope=1.5', '--min-in-scope=', '--max-false-rejections=lots']) {
      const result = await nlu(['test', file, option]);
      expect(result.code).toBe(64);
      expect(result.stderr).toContain('Usage:');
    }
  });

  it('--json prints the whole evaluation as one JSON object', async () => {
    const result = await nlu(['test', file, '--json']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const report: unknown = JSON.parse(result.stdout);
    if (!isRecord(report)) throw new Error('expected an object');
    expect(report).toMatchObject({
      questions: 5,
      inScope: 3,
      outOfScope: 2,
      inScopeAccuracy: 2 / 3,
      outOfScopeRecall: 1,
      falseRejections: 0,
      falseRejectionRate: 0,
    });
    expect(typeof report.macroF1).toBe('number');
    expect(report.misrouted).toEqual([
      {
        text: 'my code keeps getting rejected',
        expected: 'methods.fido2',
        predicted: 'trouble.code_rejected',
        confidence: expect.any(Number),
      },
    ]);
    expect(report.confusedPairs).toEqual([{ expected: 'methods.fido2', predicted: 'trouble.code_rejected', count: 1 }]);
    expect(report.perIntent).toContainEqual({ intent: 'trouble.new_phone', support: 1, precision: 1, recall: 1, f1: 1 });
    expect(report.perIntent).toContainEqual({ intent: 'methods.fido2', support: 1, precision: 0, recall: 0, f1: 0 });
  });

  it('prints a readable report with the numbers, per-intent scores and every misrouted question', async () => {
    const result = await nlu(['test', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('In-scope accuracy:    0.667  (2/3)');
    expect(result.stdout).toContain('Out-of-scope recall:  1.000  (2/2');
    expect(result.stdout).toContain('False rejections:     0.000  (0/3');
    expect(result.stdout).toMatch(/Macro-F1: +0\.\d{3}/);
    expect(result.stdout).toMatch(/trouble\.new_phone +1 +1\.000 +1\.000 +1\.000/);
    expect(result.stdout).toContain('1  methods.fido2 → trouble.code_rejected');
    expect(result.stdout).toContain('methods.fido2 → trouble.code_rejected (');
    expect(result.stdout).toContain('"my code keeps getting rejected"');
  });

  it('names the bad line of a malformed file and exits non-zero', async () => {
    const bad = writeFile('bad.jsonl', '{"text": "hello", "intent": "chat.greeting"}\n{"text": "hi", "intent": "chat.hello"}\n');
    const result = await nlu(['test', bad]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('line 2');
    expect(result.stderr).toContain('chat.hello');
  });

  it('says so when the file does not exist', async () => {
    const result = await nlu(['test', join(scratch, 'missing.jsonl')]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('cannot read');
  });
});

describe('npm run nlu -- export', () => {
  it('prints the training examples as {"intents": {...}, "none": [...]}', async () => {
    const result = await nlu(['export']);
    expect(result.code).toBe(0);
    const exported: unknown = JSON.parse(result.stdout);
    expect(exported).toEqual({ intents: TRAINING_SET.intents, none: TRAINING_SET.none });
    if (!isRecord(exported) || !isRecord(exported.intents)) throw new Error('expected intents');
    expect(Object.keys(exported.intents)).toEqual(INTENT_IDS.filter((id) => id !== 'none'));
  });
});

describe('npm run nlu with a wrong command', () => {
  it('prints the usage on stderr and exits non-zero', async () => {
    const result = await nlu(['classify-all']);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage:');
  });
});
