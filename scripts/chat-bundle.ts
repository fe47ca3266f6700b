/**
 * The /chat page bundle (web/chat → build/chat: index.html + main.js), built with esbuild.
 * Web Chat, React and the Adaptive Cards renderer come from node_modules, no CDN.
 */
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CHAT_BUILD_DIR = `${root}build/chat`;
const OUTPUTS = [`${CHAT_BUILD_DIR}/index.html`, `${CHAT_BUILD_DIR}/main.js`];

export interface ChatBuild {
  readonly files: number;
  readonly bytes: number;
}

export async function buildChat(): Promise<ChatBuild> {
  await mkdir(CHAT_BUILD_DIR, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['web/chat/main.ts'],
    outfile: `${CHAT_BUILD_DIR}/main.js`,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    minify: true,
    sourcemap: false,
    legalComments: 'linked',
    tsconfig: 'web/tsconfig.json',
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    logLevel: 'warning',
  });
  await copyFile(`${root}web/chat/index.html`, `${CHAT_BUILD_DIR}/index.html`);
  const outputs = Object.values(result.metafile.outputs);
  return { files: outputs.length + 1, bytes: outputs.reduce((sum, o) => sum + o.bytes, 0) };
}

async function mtime(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** What the bundle is made from: the page's sources, this script and the locked dependencies. */
async function inputs(): Promise<string[]> {
  const web = await readdir(`${root}web/chat`);
  return [...web.map((f) => `${root}web/chat/${f}`), fileURLToPath(import.meta.url), `${root}package-lock.json`];
}

/** True when build/chat exists and is newer than everything it is built from. */
export async function chatBuildIsCurrent(): Promise<boolean> {
  const built = await Promise.all(OUTPUTS.map(mtime));
  if (built.some((t) => t === undefined)) return false;
  const oldest = Math.min(...built.map((t) => t ?? 0));
  const sources = await Promise.all((await inputs()).map(mtime));
  return sources.every((t) => t === undefined || t <= oldest);
}

/** Builds the bundle unless it is already current. Returns undefined when nothing was built. */
export async function ensureChatBuilt(): Promise<ChatBuild | undefined> {
  if (await chatBuildIsCurrent()) return undefined;
  return buildChat();
}
