import type { RandomBytes } from '../ids.js';
import type { UnansweredQuestion, UnansweredStore } from '../store.js';
import type { FeedbackContainer } from './container.js';

const DAY_MS = 86_400_000;
/** Past this many days a digest lists every asking instead of one folder per day. */
const MAX_DAY_FOLDERS = 400;

function encode(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function decode(text: string): string {
  return Buffer.from(text, 'base64url').toString('utf8');
}

function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * Unanswered questions in the shared container: one empty blob per asking, in a folder per day,
 * `unanswered/<YYYY-MM-DD>/<ms, 13 digits>-<random>`, with the scrubbed question and its key in
 * metadata (base64url: metadata is ASCII). Nothing is ever rewritten, so instances never contend;
 * a digest lists the days of its period and counts without downloading anything.
 */
export class BlobUnansweredStore implements UnansweredStore {
  private readonly container: FeedbackContainer;
  private readonly randomBytes: RandomBytes;

  constructor(container: FeedbackContainer, randomBytes: RandomBytes) {
    this.container = container;
    this.randomBytes = randomBytes;
  }

  async add(key: string, text: string, at: number): Promise<void> {
    const name = `unanswered/${dayOf(at)}/${String(Math.trunc(at)).padStart(13, '0')}-${Buffer.from(this.randomBytes(6)).toString('hex')}`;
    await this.container.write(name, '', { k: encode(key), q: encode(text) }, { ifNoneMatch: '*' });
  }

  async top(from: number, to: number, limit: number): Promise<UnansweredQuestion[]> {
    const asked = new Map<string, { text: string; count: number; lastAt: number }>();
    for (const prefix of this.prefixes(from, to)) {
      for await (const listed of this.container.list(prefix)) {
        const at = Number(/\/(\d{13})-[0-9a-f]+$/.exec(listed.name)?.[1]);
        const key = listed.metadata['k'];
        const text = listed.metadata['q'];
        if (!Number.isFinite(at) || at < from || at >= to || key === undefined || text === undefined) continue;
        const seen = asked.get(key);
        if (seen === undefined) asked.set(key, { text: decode(text), count: 1, lastAt: at });
        else asked.set(key, { text: seen.text, count: seen.count + 1, lastAt: Math.max(seen.lastAt, at) });
      }
    }
    return [...asked.values()]
      .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
      .slice(0, Math.max(0, limit))
      .map(({ text, count }) => ({ text, count }));
  }

  private prefixes(from: number, to: number): string[] {
    const first = Math.floor(Math.max(0, from) / DAY_MS);
    const last = Math.floor(Math.max(0, to - 1) / DAY_MS);
    if (to <= from) return [];
    if (last - first > MAX_DAY_FOLDERS) return ['unanswered/'];
    const out: string[] = [];
    for (let day = first; day <= last; day += 1) out.push(`unanswered/${dayOf(day * DAY_MS)}/`);
    return out;
  }
}
