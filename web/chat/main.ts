import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import ReactWebChat from 'botframework-webchat';
import { createExpectRepliesBridge } from './bridge.js';
import { BOT_DISPLAY_NAME, CHAT_STYLE_OPTIONS } from './style.js';

/**
 * The /chat page: Microsoft's Web Chat, connected to this bot through the expectReplies bridge.
 * The container's data-endpoint says where the bot listens (default /api/messages).
 */
function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function mount(container: HTMLElement): void {
  const user = { id: `user-${randomHex(8)}`, name: 'You' };
  const directLine = createExpectRepliesBridge({
    endpoint: container.dataset.endpoint ?? '/api/messages',
    user,
    bot: { id: 'mfa-assistant', name: BOT_DISPLAY_NAME },
  });
  window.addEventListener('pagehide', () => directLine.end());

  createRoot(container).render(
    createElement(ReactWebChat, {
      directLine,
      userID: user.id,
      username: user.name,
      locale: 'en-GB',
      styleOptions: CHAT_STYLE_OPTIONS,
      // Screen readers announce "MFA Assistant said: …" rather than "Bot MA said: …" (the initials).
      overrideLocalizedStrings: { ACTIVITY_BOT_SAID_ALT: `${BOT_DISPLAY_NAME} said:` },
      role: 'main',
    }),
  );
}

const container = document.getElementById('webchat');
if (container === null) throw new Error('The page has no #webchat element');
mount(container);
