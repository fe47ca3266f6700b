import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Replaces the `## <title>` section of a Markdown file (up to the next `## ` heading) with
 * `body`, or appends it; every other section (e.g. another benchmark's) is left exactly as it was.
 */
export function writeSection(file: string, title: string, body: string, intro = '# Benchmark results\n'): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : intro;
  const heading = `## ${title}\n`;
  const section = `${heading}\n${body.trim()}\n`;
  const start = text.startsWith(heading) ? 0 : text.indexOf(`\n${heading}`) + 1;
  if (start <= 0 && !text.startsWith(heading)) {
    writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + heading.length);
  const after = next === -1 ? '' : text.slice(next + 1);
  writeFileSync(file, `${text.slice(0, start)}${section}${after === '' ? '' : `\n${after}`}`);
}
