import type { FunnelSource } from '../funnel/report.js';
import { describeRemoved, REMOVED_KINDS, type RemovedKind } from '../privacy/index.js';
import { collate } from './collate.js';
import type { FeedbackConfig } from './config.js';
import { FeedbackDeliverer } from './deliverer.js';
import type { Digest } from './digest.js';
import { DigestScheduler } from './digestScheduler.js';
import type { PostFn } from './httpPost.js';
import { defaultRandomBytes, newId, type RandomBytes } from './ids.js';
import { silentLogger, type FeedbackLogger } from './logger.js';
import {
  isFeedbackCategory,
  isFeedbackRating,
  isFeedbackRole,
  type FeedbackCategory,
  type FeedbackContact,
  type FeedbackRole,
} from './model.js';
import { DEFAULT_RATE_LIMIT, readOrCreate, type FeedbackStore, type Outbox, type RateLimit } from './store.js';
import type { RetryPolicy } from './retryPolicy.js';
import { checkFeedbackText } from './text.js';
import { systemClock, type Clock } from './time.js';
import { UnansweredQuestions } from './unanswered.js';
import { hashUserId } from './userHash.js';

/** What the feedback dialog collected. */
export interface FeedbackDraft {
  readonly category: FeedbackCategory;
  /** 1–5, or null/undefined when skipped. */
  readonly rating?: number | null;
  /** The "tell us more" text (raw or already passed through checkFeedbackText; it is scrubbed again). */
  readonly text: string;
  /**
   * What an earlier checkFeedbackText already removed from `text` (the dialog scrubs as the user
   * types), so the stored item still says what was taken out; kinds not in REMOVED_KINDS are ignored.
   */
  readonly removed?: readonly RemovedKind[];
  readonly role?: FeedbackRole | null;
  /** Only when the user agreed to be contacted: name and email from Teams member info. */
  readonly contact?: FeedbackContact | null;
}

/** Who sent it: the channel's user id (hashed before storing, never kept) and the channel id. */
export interface FeedbackSender {
  readonly userId: string;
  readonly channel: string;
}

export type SubmitResult =
  | {
      readonly ok: true;
      readonly id: string;
      /** Short reference to show the user, e.g. FB-7K3Q. */
      readonly reference: string;
      readonly removed: readonly RemovedKind[];
      /** What to tell the user about removals ("" when nothing was removed). */
      readonly removedNotice: string;
    }
  | {
      readonly ok: false;
      readonly reason: 'rate-limited';
      readonly retryAfterMs: number;
      /** A polite sentence for the user. */
      readonly message: string;
    };

export interface SubmitOptions {
  /**
   * One per feedback conversation (e.g. its instance id): a second submit with the same key from
   * the same user — Send pressed twice, or two turns racing — returns the first item's reference
   * and stores and counts nothing more.
   */
  readonly key?: string;
}

export type RateLimitCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'rate-limited'; readonly retryAfterMs: number; readonly message: string };

export interface FeedbackServiceOptions {
  /** Where items, digests and unanswered questions are kept (SQLite, or Azure Table Storage and a queue). */
  readonly store: FeedbackStore;
  readonly config: FeedbackConfig;
  readonly logger?: FeedbackLogger;
  readonly clock?: Clock;
  /** Uniform in [0, 1), for retry jitter. */
  readonly random?: () => number;
  readonly randomBytes?: RandomBytes;
  readonly post?: PostFn;
  readonly retry?: Partial<RetryPolicy>;
  /** Default 5 items per user per hour. */
  readonly rateLimit?: RateLimit;
  readonly concurrency?: number;
  readonly pollIntervalMs?: number;
  readonly leaseMarginMs?: number;
  /** The enrolment funnel's counters, for the digest. */
  readonly funnel?: FunnelSource;
}

function rateLimitMessage(limit: RateLimit, retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return (
    `Thank you for all your feedback. You have sent ${limit.max} in the last hour, which is as many as I can take ` +
    `for now. Please try again in about ${minutes} minute${minutes === 1 ? '' : 's'}.`
  );
}

/**
 * Everything the bot needs for feedback, over one database: submit (scrub, rate-limit, queue
 * durably), record unanswered questions, collate digests, and the background deliverer and
 * digest schedule with start/stop for the process lifecycle.
 */
export class FeedbackService {
  readonly outbox: Outbox;
  readonly unanswered: UnansweredQuestions;
  readonly deliverer: FeedbackDeliverer;
  /** Where the store is, for operators (a file path or a container URL). */
  readonly location: string;
  private readonly scheduler: DigestScheduler | null;
  private readonly store: FeedbackStore;
  private salt: Promise<string> | null = null;
  private readonly rateLimit: RateLimit;
  private readonly randomBytes: RandomBytes;
  private readonly logger: FeedbackLogger;
  private readonly config: FeedbackConfig;
  private readonly funnel: FunnelSource | undefined;

  constructor(options: FeedbackServiceOptions) {
    const clock = options.clock ?? systemClock;
    this.config = options.config;
    this.funnel = options.funnel;
    this.randomBytes = options.randomBytes ?? defaultRandomBytes;
    this.logger = options.logger ?? silentLogger;
    this.rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
    this.store = options.store;
    this.location = options.store.location;
    this.outbox = options.store.outbox;
    this.unanswered = new UnansweredQuestions(options.store.unanswered, { clock });
    if (options.config.userHashSalt !== null) this.salt = Promise.resolve(options.config.userHashSalt);
    this.deliverer = new FeedbackDeliverer({
      outbox: this.outbox,
      target: options.config.webhook,
      clock,
      logger: this.logger,
      ...(options.random === undefined ? {} : { random: options.random }),
      ...(options.post === undefined ? {} : { post: options.post }),
      ...(options.retry === undefined ? {} : { retry: options.retry }),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
      ...(options.leaseMarginMs === undefined ? {} : { leaseMarginMs: options.leaseMarginMs }),
    });
    this.scheduler =
      options.config.digestEveryMs === null
        ? null
        : new DigestScheduler({
            meta: options.store.meta,
            outbox: this.outbox,
            unanswered: this.unanswered,
            ...(options.funnel === undefined ? {} : { funnel: options.funnel }),
            everyMs: options.config.digestEveryMs,
            clock,
            logger: this.logger,
            onQueued: () => this.deliverer.nudge(),
          });
  }

  /** Whether a webhook is configured: only then is confirmed feedback "on its way" somewhere. */
  get webhookConfigured(): boolean {
    return this.config.webhook !== null;
  }

  /**
   * The pseudonymous hash stored for a channel user id. The salt is FEEDBACK_USER_HASH_SALT or one
   * generated once and kept in the store, so every instance hashes a user the same way.
   */
  async userHash(userId: string): Promise<string> {
    this.salt ??= readOrCreate(this.store.meta, 'user_hash_salt', () => Buffer.from(this.randomBytes(32)).toString('base64url'));
    const pending = this.salt;
    try {
      return hashUserId(userId, await pending);
    } catch (error) {
      if (this.salt === pending) this.salt = null; // the store was unreachable: ask again next time
      throw error;
    }
  }

  /**
   * Whether this user may send feedback now (at most 5 an hour by default). The dialog can ask at
   * its start so nobody fills in the form only to be turned away at Send; submit checks again.
   */
  async checkRateLimit(userId: string): Promise<RateLimitCheck> {
    const wait = await this.outbox.rateLimitWait(await this.userHash(userId), this.rateLimit);
    if (wait === null) return { ok: true };
    return { ok: false, reason: 'rate-limited', retryAfterMs: wait, message: rateLimitMessage(this.rateLimit, wait) };
  }

  /**
   * Scrubs and stores one confirmed item; it is on disk when this resolves, and delivery starts
   * at once. The 6th item from one user within an hour is refused politely (`ok: false`). With
   * `options.key`, once per key: a repeat returns the item already stored.
   * Throws a RangeError for a draft the dialog should not have produced (unknown category, rating
   * outside 1–5, empty or over-long text, contact without an email).
   */
  async submit(draft: FeedbackDraft, sender: FeedbackSender, options: SubmitOptions = {}): Promise<SubmitResult> {
    if (!isFeedbackCategory(draft.category)) throw new RangeError('Feedback category is not one of the offered ones');
    const rating = draft.rating ?? null;
    if (rating !== null && !isFeedbackRating(rating)) throw new RangeError('Feedback rating must be a whole number from 1 to 5');
    const role = draft.role ?? null;
    if (role !== null && !isFeedbackRole(role)) throw new RangeError('Feedback role is not one of the offered ones');
    const contact = draft.contact ?? null;
    if (contact !== null && !/^[^\s@]+@[^\s@]+$/.test(contact.email.trim())) {
      throw new RangeError('Feedback contact needs the email from Teams member info');
    }
    if (sender.userId === '' || sender.channel === '') throw new RangeError('Feedback sender needs a user id and a channel');
    const checked = checkFeedbackText(draft.text, contact === null ? {} : { keepEmail: contact.email.trim() });
    if (!checked.ok) throw new RangeError(`Feedback text is ${checked.reason}`);
    const earlier = (draft.removed ?? []).filter((kind) => REMOVED_KINDS.includes(kind));
    const removed = [...earlier, ...checked.removed];

    const userHash = await this.userHash(sender.userId);
    const result = await this.outbox.enqueueFeedback(
      {
        category: draft.category,
        rating,
        text: checked.text,
        removed,
        role,
        contact: contact === null ? null : { name: contact.name.trim(), email: contact.email.trim() },
        channel: sender.channel,
        userHash,
      },
      this.rateLimit,
      options.key === undefined || options.key === '' ? undefined : options.key,
    );
    if (!result.ok) {
      this.logger.info({ retryAfterMs: result.retryAfterMs }, 'feedback refused: rate limit');
      return { ok: false, reason: 'rate-limited', retryAfterMs: result.retryAfterMs, message: rateLimitMessage(this.rateLimit, result.retryAfterMs) };
    }
    const { item } = result;
    if (result.repeated) {
      this.logger.info({ id: item.id, reference: item.reference }, 'feedback already queued from this conversation');
      return { ok: true, id: item.id, reference: item.reference, removed: item.removed, removedNotice: describeRemoved(item.removed) };
    }
    this.logger.info({ id: item.id, reference: item.reference, category: item.category, removed: item.removed.length }, 'feedback queued');
    this.deliverer.nudge();
    return { ok: true, id: item.id, reference: item.reference, removed, removedNotice: describeRemoved(removed) };
  }

  /**
   * Keeps a question the bot could not answer (scrubbed; nothing kept when it holds a code or a
   * password). Returns whether it was kept.
   */
  recordUnanswered(question: string): Promise<boolean> {
    return this.unanswered.record(question);
  }

  /** The digest of [fromMs, toMs), with a fresh id. */
  collate(fromMs: number, toMs: number): Promise<Digest> {
    return collate({ outbox: this.outbox, unanswered: this.unanswered, ...(this.funnel === undefined ? {} : { funnel: this.funnel }) }, newId('dg', this.randomBytes), fromMs, toMs);
  }

  /** Queues a digest for the webhook (durably) and starts sending it. */
  async queueDigest(digest: Digest): Promise<void> {
    await this.outbox.enqueueOther(digest.id, 'digest', digest);
    this.deliverer.nudge();
  }

  /** Starts delivery (resuming what a previous run left pending) and the digest schedule. */
  start(): void {
    for (const notice of this.config.notices) this.logger.info({}, notice);
    this.deliverer.start();
    this.scheduler?.start();
  }

  /** For SIGTERM: stop the schedule, flush what can be sent before the deadline (default 10 s). */
  async stop(options: { readonly deadlineMs?: number } = {}): Promise<void> {
    await this.scheduler?.stop();
    await this.deliverer.stop(options);
  }
}
