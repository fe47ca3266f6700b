import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

/** A file's bytes as served: the raw body, a gzip copy and a strong ETag. */
export interface LoadedFile {
  readonly body: Buffer;
  readonly gzipped: Buffer;
  readonly etag: string;
}

/**
 * A file on disk served from memory. It is read (and gzipped) on first use and again only when its
 * size or modification time changes, so a rebuilt bundle is picked up without a restart.
 * `load()` resolves undefined when the file does not exist.
 */
export class StaticFile {
  private cached: { readonly key: string; readonly file: LoadedFile } | undefined;

  constructor(readonly path: string) {}

  async load(): Promise<LoadedFile | undefined> {
    let key: string;
    try {
      const info = await stat(this.path);
      if (!info.isFile()) return undefined;
      key = `${info.size}:${info.mtimeMs}`;
    } catch {
      return undefined;
    }
    if (this.cached?.key === key) return this.cached.file;
    let body: Buffer;
    try {
      body = await readFile(this.path);
    } catch {
      return undefined;
    }
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const file = { body, gzipped: gzipSync(body), etag };
    this.cached = { key, file };
    return file;
  }
}
