import { ensureChatBuilt } from '../../scripts/chat-bundle.js';

/** Once per test run: build the /chat bundle when it is missing or older than web/chat. */
export default async function setup(): Promise<void> {
  await ensureChatBuilt();
}
