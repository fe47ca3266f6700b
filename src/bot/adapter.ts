import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { withTimeout } from './faults.js';

export type BotAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;
export type AuthenticatedRequest = Awaited<ReturnType<BotAuthentication['authenticateRequest']>>;

class AuthTimeoutError extends Error {
  override readonly name = 'AuthTimeoutError';
}

export type AuthOutcome = { readonly ok: true; readonly result: AuthenticatedRequest } | { readonly ok: false; readonly reason: string };

/**
 * CloudAdapter with the two halves of `process()` exposed separately, so the server decides what
 * the HTTP answer is and nothing is written to the console:
 * - `authenticate` checks the request's token with a time limit. Any failure — no token, a wrong
 *   signature, an unknown key, or the OpenID metadata that the SDK fetches from the internet to
 *   verify a token being unreachable or slow — is a 401, never a 500 or a hang.
 * - `run` runs an authenticated turn and returns what the Bot Framework says the HTTP answer is
 *   (the buffered replies for expectReplies, an invoke's response).
 */
export class MfaAdapter extends CloudAdapter {
  constructor(private readonly authentication: BotAuthentication) {
    super(authentication);
  }

  async authenticate(activity: Activity, authHeader: string, timeoutMs: number): Promise<AuthOutcome> {
    try {
      const result = await withTimeout(this.authentication.authenticateRequest(activity, authHeader), timeoutMs, () => new AuthTimeoutError());
      return { ok: true, result };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.name : 'unknown' };
    }
  }

  run(auth: AuthenticatedRequest, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}
