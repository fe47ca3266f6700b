import type { Middleware, TurnContext } from 'botbuilder';
import { SECRET_WARNING } from '../content/guard.js';
import type { Logger } from '../log.js';
import { detectSharedSecret } from '../privacy/index.js';

export interface SecretGuardDeps {
  /** True when the active conversation is waiting for a practice code (which is then expected). */
  readonly expectsCode: (context: TurnContext) => Promise<boolean>;
  /** True when the active conversation scrubs secrets from typed text itself (the feedback text). */
  readonly scrubsSecrets: (context: TurnContext) => Promise<boolean>;
  readonly logger: Logger;
}

/**
 * Runs before everything else on every turn. A typed message that is or holds what looks like a
 * real verification code or a password goes no further — not to the conversation, state, the
 * unanswered-question log or feedback — and the user gets a short, kind warning instead.
 * The practice step, which asks for a code from a practice account, is the one exception.
 */
export class SecretGuard implements Middleware {
  constructor(private readonly deps: SecretGuardDeps) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    const typed = activity.type === 'message' && (activity.value === undefined || activity.value === null) && typeof activity.text === 'string';
    const found = typed && typeof activity.text === 'string' ? detectSharedSecret(activity.text) : null;
    if (found === null || (found.kind === 'code' && (await this.deps.expectsCode(context))) || (await this.deps.scrubsSecrets(context))) {
      await next();
      return;
    }
    this.deps.logger.info({ event: 'secret_guard', kind: found.kind, channelId: activity.channelId }, 'message held back: looked like a secret');
    activity.text = '';
    await context.sendActivity(`${SECRET_WARNING[found.kind]}\n\n${SECRET_WARNING.advice}`);
  }
}
