import { createServer, type Server } from 'node:http';

export interface TeamsMember {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  readonly userPrincipalName?: string;
  readonly aadObjectId?: string;
}

export interface FakeConnector {
  /** The serviceUrl Teams would put in activities, e.g. http://127.0.0.1:1234/ */
  readonly serviceUrl: string;
  /** "METHOD /path" (decoded) of every request, in order. */
  readonly requests: string[];
  /** The activities the bot sent (POST …/activities), with the conversation id from the path, in order. */
  readonly sent: { readonly conversationId: string; readonly activity: unknown }[];
  /** How long it takes to accept an activity the bot sends (a slow connector); 0 by default. */
  replyDelayMs: number;
  close(): Promise<void>;
}

/**
 * A stand-in for the Teams Bot Connector on 127.0.0.1: answers "get conversation member"
 * (GET /v3/conversations/{conversationId}/members/{userId}) from a fixed list, 404 otherwise,
 * the way TeamsInfo.getMember calls it, and accepts the activities a bot sends
 * (POST /v3/conversations/{conversationId}/activities[/{replyToId}]) after `replyDelayMs`.
 */
export async function startFakeConnector(members: readonly TeamsMember[]): Promise<FakeConnector> {
  const requests: string[] = [];
  const sent: { conversationId: string; activity: unknown }[] = [];
  const settings = { replyDelayMs: 0 };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname);
    requests.push(`${req.method ?? ''} ${path}`);
    const posted = /^\/v3\/conversations\/([^/]+)\/activities(\/[^/]+)?$/.exec(path);
    if (req.method === 'POST' && posted !== null) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        sent.push({ conversationId: posted[1] ?? '', activity: body === '' ? undefined : JSON.parse(body) });
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: `sent-${requests.length}` }));
        }, settings.replyDelayMs);
      });
      return;
    }
    req.resume();
    const match = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    const member = match === null || req.method !== 'GET' ? undefined : members.find((m) => m.id === match[2]);
    if (member === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'MemberNotFoundInConversation', message: 'not found' } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ...member, givenName: member.name.split(' ')[0], tenantId: 'tenant-1', userRole: 'user' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return {
    serviceUrl: `http://127.0.0.1:${address.port}/`,
    requests,
    sent,
    get replyDelayMs() {
      return settings.replyDelayMs;
    },
    set replyDelayMs(ms: number) {
      settings.replyDelayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
