import { withTimeout } from './faults.js';

export type ReadyState = { readonly ready: true } | { readonly ready: false; readonly reason: string };

export interface ReadinessOptions {
  /** Resolves when storage answers; rejects (or never settles) when it does not. */
  readonly probe: () => Promise<unknown>;
  /** Longest the probe may take. */
  readonly timeoutMs: number;
  /** How long an answer is reused, so probes cannot load storage however often they come. */
  readonly cacheMs: number;
  readonly now?: () => number;
}

class ProbeTimeoutError extends Error {
  override readonly name = 'ProbeTimeoutError';
}

/**
 * Whether the bot can do its work (GET /readyz), as opposed to whether the process is alive
 * (/healthz): storage must answer a read within `timeoutMs`. One probe at a time; its answer is
 * kept for `cacheMs`.
 */
export class Readiness {
  private last: { at: number; state: ReadyState } | undefined;
  private running: Promise<ReadyState> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: ReadinessOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  check(): Promise<ReadyState> {
    const { last } = this;
    if (last !== undefined && this.now() - last.at < this.options.cacheMs) return Promise.resolve(last.state);
    this.running ??= this.probe().then((state) => {
      this.last = { at: this.now(), state };
      this.running = undefined;
      return state;
    });
    return this.running;
  }

  private async probe(): Promise<ReadyState> {
    try {
      await withTimeout(this.options.probe(), this.options.timeoutMs, () => new ProbeTimeoutError());
      return { ready: true };
    } catch (error) {
      if (error instanceof ProbeTimeoutError) return { ready: false, reason: `storage did not answer within ${this.options.timeoutMs} ms` };
      return { ready: false, reason: `storage is not answering (${error instanceof Error ? error.name : 'unknown error'})` };
    }
  }
}
