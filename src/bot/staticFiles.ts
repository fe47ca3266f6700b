import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Request, Response, Server } from 'restify';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

interface StaticFile {
  readonly body: Buffer;
  readonly type: string;
}

/** Loads a built folder's files into memory once (they are small), so no request touches the disk. */
function loadFolder(dir: string): ReadonlyMap<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    files.set(name, { body: readFileSync(path), type: TYPES[extname(name)] ?? 'application/octet-stream' });
  }
  return files;
}

export interface StaticMount {
  /** URL prefix without a trailing slash, e.g. "/tab". */
  readonly prefix: string;
  readonly dir: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Shown when the folder has not been built. */
  readonly missing: string;
}

/** Serves a built folder under a prefix: the prefix itself answers with index.html. */
export function mountStatic(server: Server, mount: StaticMount): void {
  const files = loadFolder(mount.dir);
  const send = (res: Response, name: string) => {
    const file = files.get(name);
    if (file === undefined) {
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.send(404, name === 'index.html' ? mount.missing : 'Not found');
      return;
    }
    for (const [k, v] of Object.entries(mount.headers)) res.setHeader(k, v);
    res.setHeader('Content-Type', file.type);
    res.setHeader('Cache-Control', name === 'index.html' ? 'no-cache' : 'public, max-age=300');
    res.sendRaw(200, file.body);
  };
  server.get(mount.prefix, async (_req: Request, res: Response) => send(res, 'index.html'));
  server.get(`${mount.prefix}/`, async (_req: Request, res: Response) => send(res, 'index.html'));
  server.get(`${mount.prefix}/:file`, async (req: Request, res: Response) => {
    const name = typeof req.params.file === 'string' ? req.params.file : '';
    send(res, /^[\w-]+(\.[\w-]+)+$/.test(name) ? name : '');
  });
}
