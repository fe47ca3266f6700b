/** Regenerates manifest/color.png and manifest/outline.png (npm run icons). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { colorIcon, outlineIcon } from './lib/iconArt.js';

const manifestDir = fileURLToPath(new URL('../manifest/', import.meta.url));
writeFileSync(`${manifestDir}color.png`, colorIcon());
writeFileSync(`${manifestDir}outline.png`, outlineIcon());
process.stdout.write('wrote manifest/color.png (192×192) and manifest/outline.png (32×32)\n');
