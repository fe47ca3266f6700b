import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedbackLogger } from '../../src/feedback/logger.js';
import { TEST_SECRET, makeHarness } from '../support/feedbackHarness.js';
import { makeTempDir } from '../support/tempDir.js';
import { startReceiver, waitFor, type Receiver } from '../support/webhookReceiver.js';

let receiver: Receiver | null = null;
let temp: ReturnType<typeof makeTempDir> | null = null;

afterEach(async () => {
  await receiver?.close();
  temp?.remove();
});

describe('feedback logs', () => {
  it('go through a pino logger and carry ids and outcomes, never text, contact details, user ids or the webhook URL', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter((l) => l !== ''));
        done();
      },
    });
    const logger: FeedbackLogger = pino({ level: 'info' }, sink);
    receiver = await startReceiver((req) => (req.sequence === 1 ? { status: 503 } : req.sequence === 2 ? { status: 200 } : { status: 400 }));
    temp = makeTempDir('logs');
    const h = makeHarness({ dataDir: temp.dir, url: `${receiver.url}?sig=SECRETSIG`, secret: TEST_SECRET, logger });
    try {
      h.service.start();
      const first = await h.service.submit(
        { category: 'enrolment', text: 'My password is Hunter22! and my email is jo@nhs.net', contact: { name: 'Jo Bloggs', email: 'jo@nhs.net' } },
        { userId: '29:RAW-USER-ID', channel: 'msteams' },
      );
      const r = receiver;
      await waitFor(() => r.accepted.length === 1, 'delivered after a retry');
      await h.service.submit({ category: 'other', text: 'second item text' }, { userId: '29:RAW-USER-ID', channel: 'msteams' });
      await waitFor(async () => (await h.service.outbox.status()).dead === 1, 'dead letter');
      await h.service.recordUnanswered('a question nobody answered');
      await h.service.stop({ deadlineMs: 100 });
      const all = lines.join('\n');
      const messages = lines.map((l) => JSON.parse(l).msg);
      expect(messages).toEqual(
        expect.arrayContaining(['feedback queued', 'feedback delivery failed; will retry', 'feedback delivered', 'feedback dead-lettered']),
      );
      expect(all).toContain(first.ok ? first.id : 'never');
      for (const secret of ['Hunter22', 'jo@nhs.net', 'Jo Bloggs', 'RAW-USER-ID', 'SECRETSIG', '127.0.0.1', 'second item text', 'nobody answered', TEST_SECRET]) {
        expect(all).not.toContain(secret);
      }
    } finally {
      await h.close();
    }
  });
});
