import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/childProcess.js';
import { makeTempDir } from './support/tempDir.js';

const SECRET_KEY = 'c2VjcmV0LWtleS1kby1ub3QtcHJpbnQ=';

/** Starts the bot as `npm start` does and resolves with its exit code and what it printed on stderr. */
function start(env: Record<string, string>): Promise<{ code: number | string; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', 'src/index.ts'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal ?? 'unknown', stderr, stdout });
    });
  });
}

/**
 * Issue 15, item 13: a bad start-up stops with one line naming what is wrong, exit 1, no stack
 * trace and no secret.
 */
describe('start-up errors are one line', () => {
  const temp = makeTempDir('startup');
  let busy: Server;
  let busyPort = 0;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const address = busy.address();
    busyPort = address !== null && typeof address === 'object' ? address.port : 0;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => busy.close(() => resolve()));
    temp.remove();
  });

  const dir = (name: string) => {
    const path = join(temp.dir, name);
    mkdirSync(path, { recursive: true });
    return path;
  };

  const cases: [string, () => Record<string, string>, RegExp][] = [
    ['a HOST that is not an address', () => ({ HOST: 'not a host!', PORT: '0', DATA_DIR: dir('host') }), /HOST/],
    ['a HOST this machine does not have', () => ({ HOST: '203.0.113.77', PORT: '0', DATA_DIR: dir('host2') }), /HOST/],
    ['a port in use', () => ({ HOST: '127.0.0.1', PORT: String(busyPort), DATA_DIR: dir('port') }), /PORT .*in use/],
    [
      'DATA_DIR being a file',
      () => {
        const file = join(temp.dir, 'a-file');
        writeFileSync(file, 'not a folder');
        return { HOST: '127.0.0.1', PORT: '0', DATA_DIR: file };
      },
      /DATA_DIR/,
    ],
    [
      'a corrupt database',
      () => {
        const path = dir('corrupt');
        writeFileSync(join(path, 'mfa-assistant.sqlite'), Buffer.alloc(8192, 'garbage '));
        return { HOST: '127.0.0.1', PORT: '0', DATA_DIR: path };
      },
      /database/,
    ],
    [
      'BlobEndpoint=not a url',
      () => ({ HOST: '127.0.0.1', PORT: '0', STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: `BlobEndpoint=not a url;AccountName=x;AccountKey=${SECRET_KEY}` }),
      /AZURE_STORAGE_CONNECTION_STRING/,
    ],
  ];

  it.each(cases)('%s', async (_name, env, names) => {
    const { code, stderr, stdout } = await start(env());
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toMatch(names);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr + stdout).not.toContain(SECRET_KEY);
    expect(stderr + stdout).not.toContain('not a url');
  });
});
