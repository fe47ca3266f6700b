import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Azurite's well-known development account (public, documented; not a secret). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  /** The blob service's port. */
  readonly port: number;
  readonly queuePort: number;
  readonly tablePort: number;
  /** A connection string naming all three endpoints; the blob one on `blobPort` (default: Azurite's own, e.g. a proxy's otherwise). */
  connectionString(blobPort?: number): string;
  stop(): Promise<void>;
}

/** Azurite's blob, queue and table services on free loopback ports, in memory, with no telemetry. */
export async function startAzurite(): Promise<Azurite> {
  const main = createRequire(import.meta.url).resolve('azurite/dist/src/azurite.js');
  const cwd = mkdtempSync(join(tmpdir(), 'azurite-'));
  const hostsAndPorts = ['blob', 'queue', 'table'].flatMap((s) => [`--${s}Host`, '127.0.0.1', `--${s}Port`, '0']);
  const child: ChildProcess = spawn(
    process.execPath,
    [main, ...hostsAndPorts, '--inMemoryPersistence', '--extentMemoryLimit', '256', '--skipApiVersionCheck', '--loose', '--disableTelemetry', '--silent'],
    { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const ports = await new Promise<Record<string, number>>((resolve, reject) => {
    let out = '';
    const found: Record<string, number> = {};
    const timer = setTimeout(() => reject(new Error(`Azurite did not start: ${out}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      for (const m of out.matchAll(/Azurite (Blob|Queue|Table) service is successfully listening at http:\/\/127\.0\.0\.1:(\d+)/g)) {
        if (m[1] !== undefined && m[2] !== undefined) found[m[1].toLowerCase()] = Number(m[2]);
      }
      if (Object.keys(found).length === 3) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`Azurite exited (${code}): ${out}`)));
  });
  const port = ports['blob'] ?? 0;
  const queuePort = ports['queue'] ?? 0;
  const tablePort = ports['table'] ?? 0;
  const endpoint = (p: number) => `http://127.0.0.1:${p}/${ACCOUNT}`;
  return {
    port,
    queuePort,
    tablePort,
    connectionString: (blobPort = port) =>
      `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=${endpoint(blobPort)};QueueEndpoint=${endpoint(queuePort)};TableEndpoint=${endpoint(tablePort)};`,
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          rmSync(cwd, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/**
 * One Azurite for the enclosing test file (or `describe`): started before its tests, stopped after
 * them. Returns a getter, since the emulator only exists once the tests run.
 */
export function useAzurite(hooks: { beforeAll(fn: () => Promise<void>, timeout?: number): void; afterAll(fn: () => Promise<void>): void }): () => Azurite {
  let azurite: Azurite | undefined;
  hooks.beforeAll(async () => {
    azurite = await startAzurite();
  }, 30_000);
  hooks.afterAll(async () => {
    await azurite?.stop();
  });
  return () => {
    if (azurite === undefined) throw new Error('Azurite is not running');
    return azurite;
  };
}
