import { MemoryStorage, TestAdapter } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/createBot.js';
import { flowData } from '../../src/cards/actions.js';
import { isAdaptiveCard } from '../../src/cards/guards.js';
import { REPLIES } from '../../src/content/ui.js';
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

  const turn = async (saved: object) => {
    const memory: Record<string, string> = { 'test/conversations/c1/users/u1/': JSON.stringify({ dialogState: { dialogStack: [saved] }, eTag: '1' }) };
    const { bot } = createBot({ storage: new MemoryStorage(memory), logger: { info: () => undefined, warn: () => undefined, error: () => undefined }, matcher: sharedMatcher() });
    const adapter = new TestAdapter((context) => bot.run(context));
    await adapter.processActivity({ type: 'message', value: flowData('f1', 'step-2', 'next'), channelId: 'test', conversation: { id: 'c1', isGroup: false, name: '', conversationType: 'personal' }, from: { id: 'u1', name: '' }, recipient: { id: 'bot', name: '' } });
    const replies = [];
    for (let reply = adapter.getNextReply(); reply !== undefined; reply = adapter.getNextReply()) replies.push(reply);
    return { replies, saved: memory['test/conversations/c1/users/u1/'] ?? '' };
  };
  const oldInner = (state: object) => ({
    id: 'enrol',
    state: { dialogs: { dialogStack: [{ id: 'steps', state: { options: { state, show: 'replace' }, values: { instanceId: 'i1' }, stepIndex: 0 } }, { id: 'card', state: { state } }] } },
  });

  it('a walkthrough saved with the earlier inner steps (no old root) also carries on at its card', async () => {
    const { replies, saved } = await turn(oldInner({ flow: 'f1', at: 'step-2', step: 2 }));
    const content: unknown = replies[0]?.attachments?.[0]?.content;
    expect(isAdaptiveCard(content) ? titleOf(content) : undefined).toBe('Go to Self-Service');
    expect(saved).toContain('"at":"step-3"');
  });

  it('a save whose state this version cannot read is dropped: the press is answered as an old button, nothing breaks', async () => {
    const { replies, saved } = await turn(oldInner({ flow: 'f1', at: 'step-2', step: 'two' }));
    expect(replies[0]?.text).toBe(REPLIES.staleButton);
    expect(replies.some((r) => r.text?.includes('went wrong'))).toBe(false);
    expect(saved).not.toContain('"steps"');
  });
});

