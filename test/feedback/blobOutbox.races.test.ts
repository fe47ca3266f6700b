import type { BlobRequestConditions } from '@azure/storage-blob';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobOutbox } from '../../src/feedback/azure/blobOutbox.js';
import { FeedbackContainer } from '../../src/feedback/azure/container.js';
import type { ClaimedEntry, NewFeedback } from '../../src/feedback/store.js';
import { startAzurite, type Azurite } from '../support/azurite.js';

/**
 * The Azure outbox between its two steps: every move (pending → delivered or dead, and dead →
 * pending for retry-dead) writes the new copy, then deletes the old one. Here an instance is held
 * between the two — as if it were slow or had died — while another works on the same container.
 */
const NOW = Date.UTC(2030, 4, 1, 12);

interface Pause {
  readonly reached: Promise<void>;
  release(): void;
}

/** A container that stops before deleting a blob whose name starts with a given folder, until released. */
class PausingContainer extends FeedbackContainer {
  private readonly pauses = new Map<string, { reached: () => void; released: Promise<void> }>();

  pauseBeforeRemoving(folder: string): Pause {
    let reached = (): void => undefined;
    let release = (): void => undefined;
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.pauses.set(folder, { reached, released });
    return { reached: reachedPromise, release };
  }

  override async remove(name: string, conditions: BlobRequestConditions = {}): Promise<boolean> {
    const pause = this.pauses.get(name.split('/')[0] ?? '');
    if (pause !== undefined) {
      this.pauses.delete(name.split('/')[0] ?? '');
      pause.reached();
      await pause.released;
    }
    return super.remove(name, conditions);
  }
}

let azurite: Azurite;
let containers = 0;

beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);

afterAll(async () => {
  await azurite?.stop();
});

function instances() {
  containers += 1;
  const options = { connectionString: azurite.connectionString(), container: `races-${containers}` };
  const clock = { now: () => NOW };
  const random = (n: number) => new Uint8Array(randomBytes(n));
  const slowContainer = new PausingContainer(options);
  const otherContainer = new FeedbackContainer(options);
  return {
    slowContainer,
    otherContainer,
    slow: new BlobOutbox(slowContainer, { clock, randomBytes: random }),
    other: new BlobOutbox(otherContainer, { clock, randomBytes: random }),
  };
}

const FIELDS: NewFeedback = { category: 'enrolment', rating: 4, text: 'Easy once I found it.', removed: [], role: null, contact: null, channel: 'msteams', userHash: 'u' };

/**
 * One item queued and claimed by the slow instance, which then settles it with `settle` and is held
 * after writing the settled copy, before deleting the pending one. Resolves once it is held there.
 */
async function settleHalfWay(world: ReturnType<typeof instances>, settle: (slow: BlobOutbox, claimed: ClaimedEntry) => Promise<void>) {
  const result = await world.slow.enqueueFeedback(FIELDS);
  if (!result.ok) throw new Error('refused');
  const [claimed] = await world.slow.claimDue(1, 20_000);
  if (claimed === undefined) throw new Error('not claimed');
  const pause = world.slowContainer.pauseBeforeRemoving('pending');
  const settling = settle(world.slow, claimed);
  await pause.reached;
  const finish = async (): Promise<void> => {
    pause.release();
    await settling;
  };
  return { id: result.item.id, finish };
}

/** What happens when a lease runs out (Azure's shortest is 15 s): broken at once here. */
async function leaseRunsOut(container: FeedbackContainer, id: string): Promise<void> {
  await container.client.getBlobClient(`pending/${id}.json`).getBlobLeaseClient().breakLease(0);
}

describe('the Azure outbox between the two steps of a move', () => {
  it('a claim whose lease ran out is claimed again by another instance; while it is held, nobody else gets it', async () => {
    const { slow, other, otherContainer } = instances();
    const result = await slow.enqueueFeedback(FIELDS);
    if (!result.ok) throw new Error('refused');
    expect(await slow.claimDue(5, 20_000)).toHaveLength(1);
    expect(await other.claimDue(5, 20_000)).toEqual([]);
    // Someone is sending it: not due for the other instance just now, but soon looked at again.
    const next = await other.nextDueAt();
    expect(next).toBeGreaterThan(NOW);
    expect(next).toBeLessThanOrEqual(NOW + 1_000);
    await leaseRunsOut(otherContainer, result.item.id);
    expect((await other.claimDue(5, 20_000)).map((e) => e.id)).toEqual([result.item.id]);
  });

  it('delivered, then the sender stopped before tidying up: nobody sends it again, and every view says delivered once', async () => {
    const world = instances();
    const { other, otherContainer } = world;
    const { id, finish } = await settleHalfWay(world, (slow, claimed) => slow.markDelivered(claimed));

    expect(await other.get(id)).toMatchObject({ status: 'delivered' });
    expect(await other.status()).toMatchObject({ pending: 0, delivered: 1, dead: 0 });
    expect((await other.feedbackBetween(0, Number.MAX_SAFE_INTEGER)).map((i) => i.id)).toEqual([id]);
    await leaseRunsOut(otherContainer, id);
    expect(await other.claimDue(5, 20_000)).toEqual([]); // it only tidies up
    expect(await other.enqueueOther(id, 'digest', {})).toBe(false);

    await finish();
    expect(await other.status()).toMatchObject({ pending: 0, delivered: 1, dead: 0 });
  });

  it('dead-lettered, then the sender stopped before tidying up: the leftover is dropped, and retry-dead revives it later', async () => {
    const world = instances();
    const { other, otherContainer } = world;
    const { id, finish } = await settleHalfWay(world, (slow, claimed) => slow.markDead(claimed, 'HTTP 400'));

    expect(await other.get(id)).toMatchObject({ status: 'dead', deadReason: 'HTTP 400' });
    expect(await other.retryDead()).toEqual([]); // the leftover is still there: not now
    expect(await other.status()).toMatchObject({ pending: 0, dead: 1 });
    await leaseRunsOut(otherContainer, id);
    expect(await other.claimDue(5, 20_000)).toEqual([]);
    await finish();

    expect(await other.retryDead()).toEqual([id]);
    expect((await other.claimDue(5, 20_000)).map((e) => e.id)).toEqual([id]);
  });

  it('retry-dead under way when a deliverer looks: the deliverer finishes the move and the message is not lost', async () => {
    const { slow, other, slowContainer } = instances();
    const result = await other.enqueueFeedback(FIELDS);
    if (!result.ok) throw new Error('refused');
    const [claimed] = await other.claimDue(1, 20_000);
    if (claimed === undefined) throw new Error('not claimed');
    await other.markDead(claimed, 'HTTP 400');

    const pause = slowContainer.pauseBeforeRemoving('dead');
    const reviving = slow.retryDead();
    await pause.reached; // the pending copy is written, the dead one not yet deleted
    expect(await other.get(result.item.id)).toMatchObject({ status: 'pending', attempts: 0 });
    const [again] = await other.claimDue(5, 20_000);
    expect(again?.id).toBe(result.item.id);
    pause.release();
    expect(await reviving).toEqual([result.item.id]);

    expect(await other.status()).toMatchObject({ pending: 1, dead: 0, delivered: 0 });
    if (again === undefined) throw new Error('not claimed');
    await other.markDelivered(again);
    expect(await other.status()).toMatchObject({ pending: 0, dead: 0, delivered: 1 });
  });
});
