import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>[0];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** At most this many clients are kept (one per bot identity in practice). */
const MAX_CLIENTS = 256;

/** The bot identity a token names (v1 and v2 tokens name it differently): what SDK clients are built for. */
export function identityKey(identity: ClaimsIdentity): string {
  return ['aud', 'appid', 'azp'].map((type) => identity.getClaimValue(type) ?? '').join('|');
}

/**
 * ConfigurationBotFrameworkAuthentication that builds the user-token client (OAuth sign-in API)
 * once per bot identity instead of on every turn, as the SDK does. Building it (an HTTP pipeline
 * with its policies) cost more CPU than this bot's dialogs; the client holds no per-turn state.
 */
export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  override createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = identityKey(identity);
    let client = this.tokenClients.get(key);
    if (client === undefined) {
      if (this.tokenClients.size >= MAX_CLIENTS) this.tokenClients.clear();
      client = super.createUserTokenClient(identity);
      client.catch(() => this.tokenClients.delete(key));
      this.tokenClients.set(key, client);
    }
    return client;
  }
}
