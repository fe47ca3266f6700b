import type { Storage, StoreItem, StoreItems } from 'botbuilder';

function isItem(value: unknown): value is StoreItem {
  return typeof value === 'object' && value !== null;
}

/**
 * Makes bot state saves conditional on nothing having changed since the turn read it.
 *
 * BotState (ConversationState, UserState) always saves with `eTag: '*'`, which both MemoryStorage
 * and BlobsStorage treat as "overwrite whatever is there": with two instances, or two turns of one
 * conversation at once, the later save silently wins and the earlier turn's changes are lost.
 * This wrapper remembers, for each item object it reads (in a WeakMap, so the object itself is
 * untouched and forgotten with it), the ETag the item had; BotState saves that same object back, and the write goes out with that ETag, so
 * the store refuses it (MemoryStorage: "eTag conflict"; Azure: HTTP 412) if another turn saved
 * first. An item saved for the first time (nothing to compare with) is written unconditionally.
 */
export class OptimisticStorage implements Storage {
  private readonly readETags = new WeakMap<object, string>();

  constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    for (const item of Object.values(items)) {
      if (isItem(item) && typeof item.eTag === 'string' && item.eTag !== '*') {
        this.readETags.set(item, item.eTag);
      }
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const conditional: StoreItems = {};
    const written: StoreItem[] = [];
    for (const [key, change] of Object.entries(changes)) {
      const readETag = isItem(change) ? this.readETags.get(change) : undefined;
      if (isItem(change) && change.eTag === '*' && readETag !== undefined) {
        conditional[key] = { ...change, eTag: readETag };
        written.push(change);
      } else {
        conditional[key] = change;
      }
    }
    await this.inner.write(conditional);
    // The store has a new ETag now that we do not know: a second save in the same turn is unconditional.
    for (const change of written) this.readETags.delete(change);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}
