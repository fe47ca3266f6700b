import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSection } from '../bench/lib/results.js';

describe('bench/RESULTS.md sections', () => {
  it('replaces only its own section and keeps the others intact', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'results-')), 'RESULTS.md');
    writeSection(file, 'Load', 'first run');
    expect(readFileSync(file, 'utf8')).toBe('# Benchmark results\n\n## Load\n\nfirst run\n');
    writeFileSync(file, '# Benchmark results\n\n## NLU\n\nnlu numbers\n\n## Load\n\nold\n\n## Other\n\nkeep me\n');
    writeSection(file, 'Load', 'new numbers');
    expect(readFileSync(file, 'utf8')).toBe('# Benchmark results\n\n## NLU\n\nnlu numbers\n\n## Load\n\nnew numbers\n\n## Other\n\nkeep me\n');
    writeFileSync(file, '# Benchmark results\n\n## NLU\n\nnlu numbers\n');
    writeSection(file, 'Load', 'appended');
    expect(readFileSync(file, 'utf8')).toBe('# Benchmark results\n\n## NLU\n\nnlu numbers\n\n## Load\n\nappended\n');
  });
});
