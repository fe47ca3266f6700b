import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer as createNetServer, type Socket } from 'node:net';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/bot/app.js';
import { listen } from '../src/bot/server.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { postActivity, startServer, type RunningServer } from './support/server.js';

const APP_ID = '00000000-0000-0000-0000-000000000001';
const CREDENTIALS = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' };

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** A well-formed Bot Framework channel token, signed with a key nobody published. */
function forgedToken(claims: Record<string, unknown> = {}): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'not-a-published-key' }));
  const payload = b64url(JSON.stringify({ iss: 'https://api.botframework.com', aud: APP_ID, nbf: now - 60, exp: now + 3600, serviceurl: 'https://smba.trafficmanager.net/uk/', ...claims }));
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), privateKey);
  return `${header}.${payload}.${b64url(signature)}`;
}

const activity = { type: 'message', text: 'hi', serviceUrl: 'https://smba.trafficmanager.net/uk/', channelId: 'msteams' };

describe('with credentials set, requests without a valid token get 401', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(CREDENTIALS);
  });
  afterAll(async () => server.close());

  it.each([
    ['no Authorization header', {}],
    ['a scheme that is not Bearer', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['a token that is not a JWT', { authorization: 'Bearer not.a.jwt' }],
    ['a token from an issuer the Bot Framework does not use', { authorization: `Bearer ${forgedToken({ iss: 'https://evil.example' })}` }],
    // The SDK looks the unknown key up in the Bot Framework's OpenID metadata, which it fetches
    // from the internet; unreachable here, that must still be a quick 401, not a 500.
    ['a token signed by an unknown key', { authorization: `Bearer ${forgedToken()}` }],
    ['an expired token signed by an unknown key', { authorization: `Bearer ${forgedToken({ exp: 1 })}` }],
  ])('%s → 401', async (_name, headers) => {
    const res = await postActivity(server.url, activity, headers);
    expect(res.status).toBe(401);
    expect(res.activities).toHaveLength(0);
  });
});

describe('when the OpenID metadata endpoint hangs', () => {
  it('a token signed by an unknown key still gets 401, within the time limit, not a hang', async () => {
    // A metadata "server" that accepts connections and never answers, in place of the internet one.
    const sockets = new Set<Socket>();
    const hole = createNetServer((s) => {
      sockets.add(s);
      s.on('error', () => undefined);
      s.resume();
    });
    await new Promise<void>((resolve) => hole.listen(0, '127.0.0.1', resolve));
    const address = hole.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const metadata = `http://127.0.0.1:${address.port}/v1/.well-known/openidconfiguration`;

    const config = loadConfig({ ...CREDENTIALS, PORT: '0', TURN_TIMEOUT_MS: '1000' });
    // The public cloud's settings, except where the signing keys come from.
    const authentication = new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'MultiTenant',
      ValidateAuthority: true,
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      OAuthUrl: 'https://api.botframework.com',
      ToBotFromChannelOpenIdMetadataUrl: metadata,
      ToBotFromEmulatorOpenIdMetadataUrl: metadata,
      CallerId: 'urn:botframework:azure',
    });
    const app = createApp({ config, logger: createLogger('silent'), version: 'test', authentication });
    const port = await listen(app.server, 0, '127.0.0.1');
    try {
      const started = Date.now();
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${forgedToken()}` },
        body: JSON.stringify({ ...activity, from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'c' } }),
        signal: AbortSignal.timeout(10_000),
      });
      expect(res.status).toBe(401);
      expect(Date.now() - started).toBeLessThan(10_000);
      // It really did try the metadata endpoint (so this test exercises the hang).
      expect(sockets.size).toBeGreaterThan(0);
    } finally {
      await new Promise<void>((resolve) => app.server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => hole.close(() => resolve()));
    }
  });
});
