import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { identityKey } from './authentication.js';
import { withTimeout } from './faults.js';

export type BotAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;
export type AuthenticatedRequest = Awaited<ReturnType<BotAuthentication['authenticateRequest']>>;

class AuthTimeoutError extends Error {
  override readonly name = 'AuthTimeoutError';
}

type ConnectorFactory = NonNullable<AuthenticatedRequest['connectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

/** At most this many connector clients are kept (one per channel endpoint and bot identity in practice). */
const MAX_CONNECTORS = 256;

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
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();

  constructor(private readonly authentication: BotAuthentication) {
    super(authentication);
  }

  /**
   * The SDK builds a new ConnectorClient (credentials, HTTP pipeline, policies) for every turn,
   * even when the replies go back in the HTTP response; that was a fifth of the CPU time of a turn.
   * A client depends only on the bot identity in the token, the audience and the service URL, and
   * holds no per-turn state, so one per combination is reused.
   */
  private reuseConnectors(auth: AuthenticatedRequest): AuthenticatedRequest {
    const inner = auth.connectorFactory;
    if (inner === undefined) return auth;
    const identity = identityKey(auth.claimsIdentity);
    const connectorFactory: ConnectorFactory = {
      create: (serviceUrl: string, audience?: string) => {
        const key = `${identity}|${audience ?? ''}|${serviceUrl}`;
        let client = this.connectors.get(key);
        if (client === undefined) {
          if (this.connectors.size >= MAX_CONNECTORS) this.connectors.clear();
          client = inner.create(serviceUrl, audience);
          client.catch(() => this.connectors.delete(key));
          this.connectors.set(key, client);
        }
        return client;
      },
    };
    return { ...auth, connectorFactory };
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
    return this.processActivity(this.reuseConnectors(auth), activity, logic);
  }
}
