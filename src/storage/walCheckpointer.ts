import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './database.js';

/**
 * The worker's code (CommonJS, run with `eval` so it loads the same way under tsx, vitest and the
 * compiled build): its own connection to the database file, copying the write-ahead log into the
 * database every `intervalMs` with a PASSIVE checkpoint, which never waits for, or holds up, the
 * bot's reads and writes. A checkpoint another connection is running answers SQLITE_BUSY: skipped.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true, timeout: 0 });
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    if (error === null || typeof error !== 'object' || error.code !== 'SQLITE_BUSY') throw error;
  }
}, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** The write-ahead log length (pages) at which the bot's own connection still checkpoints, as a backstop. */
export const BACKSTOP_PAGES = 10_000;
/** SQLite's default: what the connection goes back to if the worker stops. */
const DEFAULT_PAGES = 1_000;

export interface WalCheckpointerOptions {
  /** The database file. */
  readonly path: string;
  /** The connection that writes on the event loop (bot state): it leaves most checkpoints to the worker. */
  readonly db: SqliteDatabase;
  /** How often the worker checkpoints (default 100 ms). */
  readonly intervalMs?: number;
  /** Log length in pages past which the connection checkpoints by itself (default BACKSTOP_PAGES). */
  readonly backstopPages?: number;
  /** Called once if the worker fails; the connection then checkpoints by itself again, as before. */
  readonly onFailure: (reason: string) => void;
}

/**
 * Checkpoints the SQLite write-ahead log on a worker thread, as SQLite's own documentation suggests
 * for a busy writer ("run checkpoints … in a separate thread"). Left to the writing connection, a
 * checkpoint runs inside a turn's commit every 1,000 pages: it copies the pages and waits for the
 * disk twice (fsync), blocking the event loop for milliseconds, several times a second under load,
 * which every request in flight then waits out. Here the worker copies the pages and waits for the
 * disk; the writing connection checkpoints only past BACKSTOP_PAGES (then little is left to copy),
 * which also lets the log start again from its beginning, so it stays bounded.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private stopped: Promise<void> | undefined;
  private failed = false;

  constructor(private readonly options: WalCheckpointerOptions) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path: options.path, intervalMs: options.intervalMs ?? 100 } });
    // The worker must not keep the process alive on its own.
    this.worker.unref();
    this.worker.on('error', (error) => this.fail(error.message.split('\n')[0] ?? 'worker error'));
    this.worker.on('exit', (code) => {
      if (this.stopped === undefined && code !== 0) this.fail(`worker exited with code ${code}`);
    });
    options.db.pragma(`wal_autocheckpoint = ${options.backstopPages ?? BACKSTOP_PAGES}`);
  }

  private fail(reason: string): void {
    if (this.failed) return;
    this.failed = true;
    this.checkpointOnCommitAgain();
    this.options.onFailure(reason);
  }

  /** Hands checkpoints back to the writing connection, at SQLite's default length. */
  private checkpointOnCommitAgain(): void {
    if (this.options.db.open) this.options.db.pragma(`wal_autocheckpoint = ${DEFAULT_PAGES}`);
  }

  /** Whether the worker is still checkpointing (false after a failure). */
  get running(): boolean {
    return !this.failed && this.stopped === undefined;
  }

  /** Stops the worker after its current checkpoint; the connection checkpoints by itself again. */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      this.checkpointOnCommitAgain();
      if (this.failed) {
        void this.worker.terminate().then(() => resolve());
        return;
      }
      this.worker.once('exit', () => resolve());
      this.worker.postMessage('stop');
    });
    return this.stopped;
  }
}
