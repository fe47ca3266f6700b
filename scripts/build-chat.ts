/**
 * Bundles the /chat page (web/chat) into build/chat: index.html + main.js.
 * Usage: npm run build:chat            always builds
 *        npm run build:chat -- --if-stale   builds only when missing or older than its sources (npm start)
 */
import { buildChat, ensureChatBuilt } from './chat-bundle.js';

const ifStale = process.argv.includes('--if-stale');
const result = ifStale ? await ensureChatBuilt() : await buildChat();
if (result === undefined) console.log('build/chat is up to date');
else console.log(`build/chat: ${result.files} files, ${(result.bytes / 1024 / 1024).toFixed(1)} MB`);
