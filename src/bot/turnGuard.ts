import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../log.js';
import { FAULT_REPLIES } from '../content/faults.js';
import { TurnTimeoutError, withTimeout } from './faults.js';
import { RateLimiter } from './rateLimit.js';

export interface TurnGuardOptions {
  /** Turns per minute in one conversation; 0 means no limit. */
  readonly perConversationPerMinute: number;
  /** A turn's time budget when the server has not set a deadline for it. */
  readonly turnTimeoutMs: number;
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * The adapter's first middleware, so it covers every other middleware and the bot:
 * - the per-conversation rate limit (messages and presses only): over it, the first gets a kind "slow down" and later
 *   turns are dropped quietly until the conversation slows down. It runs after the token check,
 *   so nobody can use up another conversation's allowance by forging its id;
 * - the turn's time budget: past it, the turn fails with TurnTimeoutError, which the turn error
 *   handler answers with "please try again".
 */
/**
 * Only what a person sends counts: a message (typed, or a card's Submit) or a card's Execute press.
 * Typing indicators, reactions, member updates and the like never use up a conversation's
 * allowance, so one member of a group chat cannot silence the bot for everyone with them, and
 * the first refusal is always something the bot can answer with "slow down".
 */
function counts(activity: { readonly type?: string; readonly name?: string }): boolean {
  return activity.type === ActivityTypes.Message || (activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action');
}

export class TurnGuard implements Middleware {
  private readonly limiter: RateLimiter;
  private readonly deadlines = new WeakMap<object, number>();
  private readonly now: () => number;

  constructor(private readonly options: TurnGuardOptions) {
    this.limiter = new RateLimiter({ perMinute: options.perConversationPerMinute });
    this.now = options.now ?? (() => performance.now());
  }

  /** The server says by when (on this guard's clock) the turn for this activity must be done. */
  setDeadline(activity: object, deadline: number): void {
    this.deadlines.set(activity, deadline);
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    const taken = counts(activity) ? this.limiter.take(`${activity.channelId}\u0000${activity.conversation?.id ?? ''}`) : { ok: true as const };
    if (!taken.ok) {
      if (taken.firstRefusal) {
        this.options.logger.info({ event: 'rate_limited', scope: 'conversation', retryAfterSeconds: taken.retryAfterSeconds }, 'conversation over its rate limit');
        await context.sendActivity(FAULT_REPLIES.slowDown);
      }
      return;
    }
    const deadline = this.deadlines.get(activity);
    const ms = Math.max(50, deadline === undefined ? this.options.turnTimeoutMs : deadline - this.now());
    await withTimeout(next(), ms, () => new TurnTimeoutError(ms));
  }
}
