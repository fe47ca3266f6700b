import type { WebhookTarget } from './config.js';
import { parseDigest } from './digest.js';
import { postWithNode, PostAbortedError, type PostFn } from './httpPost.js';
import { silentLogger, type FeedbackLogger } from './logger.js';
import { parseFeedbackItem } from './model.js';
import type { ClaimedEntry, Outbox } from './store.js';
import { requestBody, type OutboundMessage } from './payloads.js';
import { classifyError, classifyResponse, DEFAULT_RETRY_POLICY, retryDelay, type Outcome, type RetryPolicy } from './retryPolicy.js';
import { systemClock, type Clock } from './time.js';
import { signWebhook } from './webhookSecret.js';

export interface DelivererOptions {
  readonly outbox: Outbox;
  /** Null when no webhook is configured: nothing is sent and items wait in the outbox. */
  readonly target: WebhookTarget | null;
  readonly clock?: Clock;
  /** Uniform in [0, 1), for jitter. */
  readonly random?: () => number;
  readonly post?: PostFn;
  readonly logger?: FeedbackLogger;
  readonly retry?: Partial<RetryPolicy>;
  /** Requests in flight at once (default 4). */
  readonly concurrency?: number;
  /** Longest sleep between looks at the outbox, to pick up work other processes queued (default 30 s). */
  readonly pollIntervalMs?: number;
  /** Lease = request timeout + this margin (default 5 s): how long a crashed sender blocks a message. */
  readonly leaseMarginMs?: number;
}

export interface DrainOptions {
  /** How long to keep going, in milliseconds from now. */
  readonly deadlineMs: number;
  /** Only these messages (e.g. the digest the CLI just queued). */
  readonly onlyIds?: readonly string[];
}

interface InFlight {
  readonly promise: Promise<void>;
  readonly controller: AbortController;
}

/**
 * Sends what the outbox holds to the webhook, at least once: 2xx marks it delivered; 408, 429,
 * 5xx, timeouts and network errors are retried with exponential backoff and jitter (honouring
 * Retry-After) until `giveUpAfterMs` after it was queued; other responses dead-letter it with the
 * reason. Every request carries `webhook-id` (the message id, the same on every retry) and, with
 * a secret, Standard Webhooks signature headers. Nothing lives only in memory: the schedule is in
 * the outbox, so a restarted process carries on where the last one stopped.
 */
export class FeedbackDeliverer {
  private readonly outbox: Outbox;
  private readonly target: WebhookTarget | null;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly post: PostFn;
  private readonly logger: FeedbackLogger;
  private readonly policy: RetryPolicy;
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly inFlight = new Map<string, InFlight>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopping: Promise<void> | null = null;
  /** A look at the outbox in progress, and whether another was asked for meanwhile. */
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;

  constructor(options: DelivererOptions) {
    this.outbox = options.outbox;
    this.target = options.target;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.post = options.post ?? postWithNode;
    this.logger = options.logger ?? silentLogger;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.pollIntervalMs = options.pollIntervalMs ?? 30_000;
    this.leaseMs = this.policy.timeoutMs + (options.leaseMarginMs ?? 5_000);
  }

  /** Starts sending in the background, beginning with whatever a previous run left pending. */
  start(): void {
    if (this.running || this.stopping !== null) return;
    if (this.target === null) {
      this.outbox.status().then(
        ({ pending }) => this.logger.warn({ pending }, 'feedback webhook not configured: items stay in the outbox'),
        () => this.logger.warn({}, 'feedback webhook not configured: items stay in the outbox'),
      );
      return;
    }
    this.running = true;
    this.schedule(0);
  }

  /** Call after queueing something so it goes out now rather than at the next poll. */
  nudge(): void {
    if (this.running && this.stopping === null) this.schedule(0);
  }

  /**
   * For SIGTERM: stops looking for new work, keeps sending what is due now until the deadline,
   * then interrupts what is still in flight (it stays pending, due at once, for the next start).
   */
  stop(options: { readonly deadlineMs?: number } = {}): Promise<void> {
    if (this.stopping !== null) return this.stopping;
    this.running = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const deadlineAt = this.clock.now() + (options.deadlineMs ?? 10_000);
    this.stopping = (async () => {
      await this.pumping;
      await this.drain(deadlineAt, false);
      const pending = await this.outbox.status().then(
        (s) => s.pending,
        () => null,
      );
      this.logger.info({ pending }, 'feedback deliverer stopped');
    })();
    return this.stopping;
  }

  /**
   * Delivers until nothing (of `onlyIds`, when given) is pending, or the deadline passes; waits out
   * retry delays that end before the deadline. For one-off runs such as the CLI's `digest --post`.
   */
  async flush(options: DrainOptions): Promise<void> {
    if (this.target === null) return;
    await this.drain(this.clock.now() + options.deadlineMs, true, options.onlyIds);
  }

  private schedule(delayMs: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, Math.max(0, Math.min(delayMs, 2_147_483_647)));
    this.timer.unref();
  }

  /** One look at the outbox at a time; a nudge during a look asks for another right after it. */
  private pump(): void {
    if (!this.running || this.stopping !== null) return;
    if (this.pumping !== null) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.look().finally(() => {
      this.pumping = null;
      if (this.pumpAgain) {
        this.pumpAgain = false;
        this.pump();
      }
    });
  }

  private async look(): Promise<void> {
    let wait = this.pollIntervalMs;
    try {
      const claimed = await this.fill(undefined, null);
      if (this.inFlight.size >= this.concurrency) return; // a finishing request pumps again
      const next = await this.outbox.nextDueAt();
      const now = this.clock.now();
      wait = next === null || (next <= now && claimed === 0) ? this.pollIntervalMs : Math.min(this.pollIntervalMs, next - now);
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'feedback outbox could not be read');
    }
    if (this.running && this.stopping === null && !this.pumpAgain) this.schedule(wait);
  }

  /** Claims due messages up to the free slots and starts sending them; returns how many. */
  private async fill(onlyIds: readonly string[] | undefined, deadlineAt: number | null): Promise<number> {
    const free = this.concurrency - this.inFlight.size;
    if (free <= 0) return 0;
    const entries = await this.outbox.claimDue(free, this.leaseMs, onlyIds);
    for (const entry of entries) this.send(entry, deadlineAt);
    return entries.length;
  }

  private async drain(deadlineAt: number, waitForRetries: boolean, onlyIds?: readonly string[]): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      if (now >= deadlineAt) break;
      if (this.target !== null) {
        try {
          await this.fill(onlyIds, deadlineAt);
        } catch (error) {
          this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'feedback outbox could not be read');
          if (this.inFlight.size === 0) break;
        }
      }
      if (this.inFlight.size === 0) {
        if (!waitForRetries || this.target === null) break;
        const next = await this.outbox.nextDueAt(onlyIds);
        if (next === null || next >= deadlineAt) break;
        await sleep(Math.max(1, next - now));
        continue;
      }
      const timeout = cancellableSleep(deadlineAt - now);
      await Promise.race([...[...this.inFlight.values()].map((f) => f.promise), timeout.promise]);
      timeout.cancel();
    }
    for (const { controller } of this.inFlight.values()) controller.abort();
    await Promise.all([...this.inFlight.values()].map((f) => f.promise));
  }

  private send(entry: ClaimedEntry, deadlineAt: number | null): void {
    const controller = new AbortController();
    const promise = this.attempt(entry, controller.signal, deadlineAt)
      .catch((error: unknown) => {
        this.logger.error({ id: entry.id, err: error instanceof Error ? error.message : String(error) }, 'feedback delivery failed unexpectedly');
      })
      .finally(() => {
        this.inFlight.delete(entry.id);
        if (this.running && this.stopping === null) this.schedule(0);
      });
    this.inFlight.set(entry.id, { promise, controller });
  }

  private async attempt(entry: ClaimedEntry, signal: AbortSignal, deadlineAt: number | null): Promise<void> {
    const target = this.target;
    if (target === null) return;
    let message: OutboundMessage;
    try {
      message = entry.kind === 'feedback' ? { kind: 'feedback', item: parseFeedbackItem(entry.body) } : { kind: 'digest', digest: parseDigest(entry.body) };
    } catch {
      await this.outbox.markDead(entry, 'the stored message could not be read');
      this.logger.error({ id: entry.id, kind: entry.kind }, 'feedback message unreadable: dead-lettered');
      return;
    }
    const body = requestBody(message, target.format);
    const sentAt = this.clock.now();
    const headers: Record<string, string> =
      target.secret === null
        ? { 'webhook-id': entry.id, 'webhook-timestamp': String(Math.floor(sentAt / 1000)) }
        : { ...signWebhook(target.secret, entry.id, sentAt, body) };
    const timeoutMs = deadlineAt === null ? this.policy.timeoutMs : Math.max(1, Math.min(this.policy.timeoutMs, deadlineAt - sentAt));
    let outcome: Outcome;
    try {
      const response = await this.post({ url: target.url, body, headers, timeoutMs, signal });
      outcome = classifyResponse(response, this.clock.now());
    } catch (error) {
      if (error instanceof PostAbortedError) {
        await this.outbox.markRetry(entry, this.clock.now(), 'interrupted by shutdown', false);
        this.logger.info({ id: entry.id, kind: entry.kind }, 'feedback delivery interrupted by shutdown; stays pending');
        return;
      }
      outcome = classifyError(error);
    }
    await this.record(entry, outcome);
  }

  private async record(entry: ClaimedEntry, outcome: Outcome): Promise<void> {
    const fields = { id: entry.id, kind: entry.kind, reference: entry.reference, attempt: entry.attempts + 1 };
    if (outcome.kind === 'delivered') {
      await this.outbox.markDelivered(entry);
      this.logger.info(fields, 'feedback delivered');
      return;
    }
    if (outcome.kind === 'dead') {
      await this.outbox.markDead(entry, outcome.reason);
      this.logger.warn({ ...fields, reason: outcome.reason }, 'feedback dead-lettered');
      return;
    }
    const now = this.clock.now();
    const giveUpAt = entry.queuedAt + this.policy.giveUpAfterMs;
    if (now >= giveUpAt) {
      const reason = `gave up after ${formatHours(this.policy.giveUpAfterMs)} of retries; last error: ${outcome.reason}`;
      await this.outbox.markDead(entry, reason);
      this.logger.warn({ ...fields, reason }, 'feedback dead-lettered');
      return;
    }
    const delay = retryDelay(this.policy, entry.attempts + 1, this.random, outcome.retryAfterMs);
    const nextAt = Math.min(now + delay, giveUpAt);
    await this.outbox.markRetry(entry, nextAt, outcome.reason);
    this.logger.warn({ ...fields, reason: outcome.reason, retryInMs: nextAt - now }, 'feedback delivery failed; will retry');
  }
}

function formatHours(ms: number): string {
  const hours = ms / 3_600_000;
  return hours >= 1 ? `${Math.round(hours * 10) / 10} hours` : `${Math.round(ms / 1000)} seconds`;
}

/** Keeps the process alive while waiting (a CLI flush has nothing else holding it open). */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, Math.max(0, ms));
  });
}

function cancellableSleep(ms: number): { promise: Promise<void>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, ms));
  });
  return { promise, cancel: () => clearTimeout(timer) };
}
