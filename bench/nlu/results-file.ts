import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Replaces (or appends) one `## <title>` section of a Markdown results file, keeping the others. */
export function writeSection(path: string, title: string, body: string): void {
  const heading = `## ${title}`;
  const section = `${heading}\n\n${body.trim()}\n`;
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const start = existing.indexOf(`${heading}\n`);
  if (start === -1) {
    writeFileSync(path, `${existing.trimEnd()}\n\n${section}`);
    return;
  }
  const next = existing.indexOf('\n## ', start + heading.length);
  const end = next === -1 ? existing.length : next + 1;
  writeFileSync(path, `${existing.slice(0, start)}${section}${end < existing.length ? `\n${existing.slice(end)}` : ''}`);
}
