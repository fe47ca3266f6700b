import { MemoryStorage, TestAdapter } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/createBot.js';
import { flowData } from '../../src/cards/actions.js';
import { isAdaptiveCard } from '../../src/cards/guards.js';
import { sharedMatcher, titleOf } from '../support/chat.js';

/**
 * A walkthrough at step 2, as the bot saved it while the route list was a ComponentDialog at the
 * bottom of every stack ("mfa-root", holding the conversations' stack in its state).
 */
const SAVED_BY_THE_OLD_ROOT = JSON.stringify({
  dialogState: {
    dialogStack: [
      {
        id: 'mfa-root',
        state: {
          dialogs: {
            dialogStack: [
              {
                id: 'enrol',
                state: {
                  dialogs: {
                    dialogStack: [
                      { id: 'steps', state: { options: { state: { flow: 'f1', at: 'step-2', step: 2 }, show: 'replace' }, values: { instanceId: 'i1' }, stepIndex: 0 } },
                      { id: 'card', state: { state: { flow: 'f1', at: 'step-2', step: 2 } } },
                    ],
                  },
                },
              },
            ],
          },
        },
      },
    ],
  },
  eTag: '1',
});

describe('a conversation saved by an earlier version of the bot', () => {
  it('carries on where it was: Next on step 2 shows step 3, and the old root is gone from what is saved', async () => {
    const memory: Record<string, string> = { 'test/conversations/c1/users/u1/': SAVED_BY_THE_OLD_ROOT };
    const { bot } = createBot({ storage: new MemoryStorage(memory), logger: { info: () => undefined, warn: () => undefined, error: () => undefined }, matcher: sharedMatcher() });
    const adapter = new TestAdapter((context) => bot.run(context));
    await adapter.processActivity({ type: 'message', value: flowData('f1', 'step-2', 'next'), channelId: 'test', conversation: { id: 'c1', isGroup: false, name: '', conversationType: 'personal' }, from: { id: 'u1', name: '' }, recipient: { id: 'bot', name: '' } });
    const content: unknown = adapter.getNextReply()?.attachments?.[0]?.content;
    expect(isAdaptiveCard(content) ? titleOf(content) : undefined).toBe('Go to Self-Service');
    expect(memory['test/conversations/c1/users/u1/']).not.toContain('mfa-root');
    expect(memory['test/conversations/c1/users/u1/']).toContain('"at":"step-3"');
  });
});
