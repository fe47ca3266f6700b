import type { RandomBytes } from '../ids.js';
import type { UnansweredQuestion, UnansweredStore } from '../store.js';
import type { FeedbackAccount } from './account.js';
import { dayPartition, dayPartitions } from './messageRow.js';

/**
 * Unanswered questions: one row per asking in a partition per day (`q<YYYY-MM-DD>`), row key
 * `<ms, 13 digits>-<random>`. Nothing is ever rewritten, so instances never contend; a digest
 * reads the days of its period.
 */
export class TableUnansweredStore implements UnansweredStore {
  constructor(
    private readonly account: FeedbackAccount,
    private readonly randomBytes: RandomBytes,
  ) {}

  async add(key: string, text: string, at: number): Promise<void> {
    const rowKey = `${String(Math.trunc(at)).padStart(13, '0')}-${Buffer.from(this.randomBytes(6)).toString('hex')}`;
    await this.account.create({ partitionKey: dayPartition('q', at), rowKey, k: key, q: text, at });
  }

  async top(from: number, to: number, limit: number): Promise<UnansweredQuestion[]> {
    const asked = new Map<string, { text: string; count: number; lastAt: number }>();
    for (const partition of dayPartitions('q', from, to)) {
      for await (const row of this.account.partition(partition)) {
        const { k: key, q: text, at } = row;
        if (typeof key !== 'string' || typeof text !== 'string' || typeof at !== 'number' || at < from || at >= to) continue;
        const seen = asked.get(key);
        asked.set(key, seen === undefined ? { text, count: 1, lastAt: at } : { text: seen.text, count: seen.count + 1, lastAt: Math.max(seen.lastAt, at) });
      }
    }
    return [...asked.values()]
      .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
      .slice(0, Math.max(0, limit))
      .map(({ text, count }) => ({ text, count }));
  }
}
