/**
 * Bundles the personal tab (web/tab) with esbuild into a folder of static files:
 * index.html, main.js, styles.css and icon.png. The server serves that folder at /tab.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where `npm run build:tab` puts the tab; the server serves this folder at /tab. */
export const TAB_OUT_DIR = join(ROOT, 'build', 'tab');

export async function buildTab(outDir: string = TAB_OUT_DIR): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'web', 'tab', 'main.ts')],
    outfile: join(outDir, 'main.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome109', 'edge109', 'firefox115', 'safari15'],
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
    tsconfig: join(ROOT, 'web', 'tsconfig.json'),
  });
  copyFileSync(join(ROOT, 'web', 'tab', 'index.html'), join(outDir, 'index.html'));
  copyFileSync(join(ROOT, 'web', 'tab', 'styles.css'), join(outDir, 'styles.css'));
  copyFileSync(join(ROOT, 'manifest', 'color.png'), join(outDir, 'icon.png'));
}
