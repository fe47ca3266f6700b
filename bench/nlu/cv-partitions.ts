import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * `npx tsx bench/nlu/cv-partitions.ts ['{settings}'] [--salts=a,b,c] [--wrap-test]`: `cv.ts` over eight partitions
 * (the positional folds and `--split-salt=a`…`g`), one line each and their mean and sums (top-1: in-scope questions whose right intent is ranked first, rejection ignored). A change is
 * judged here, not on one partition: a partition alone moves the balanced score by up to ±0.01.
 */
const args = process.argv.slice(2);
const settings = args.find((arg) => arg.startsWith('{'));
const salts = args.find((arg) => arg.startsWith('--salts='))?.slice('--salts='.length).split(',') ?? ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
/** Passed on to cv.ts as they are (`--wrap-test`). */
const passOn = args.filter((arg) => arg === '--wrap-test');
const cv = fileURLToPath(new URL('./cv.ts', import.meta.url));

interface Run {
  partition: string;
  inScope: number;
  outOfScope: number;
  falseRejections: number;
  balanced: number;
  confidentWrong: number;
  /** In-scope questions whose right intent is ranked first, rejection ignored. */
  topOne: number;
}

function parse(partition: string, output: string): Run {
  const line = output.split('\n').find((text) => text.startsWith('CV in '));
  const numbers = line?.match(/in ([\d.]+)\s+out ([\d.]+)\s+FR ([\d.]+)\s+balanced ([\d.]+)\s+>=0\.9 wrong (\d+)/);
  if (!numbers) throw new Error(`cv.ts printed no summary for partition ${partition}`);
  const [inScope, outOfScope, falseRejections, balanced, confidentWrong] = numbers.slice(1).map(Number) as [number, number, number, number, number];
  const topOne = Number(output.match(/Top intent right ([\d.]+)/)?.[1] ?? Number.NaN);
  return { partition, inScope, outOfScope, falseRejections, balanced, confidentWrong, topOne };
}

const runs: Run[] = [];
for (const salt of [undefined, ...salts]) {
  const runArgs = [cv, ...(settings ? [settings] : []), ...(salt === undefined ? [] : [`--split-salt=${salt}`]), '--confusion', ...passOn];
  const output = execFileSync(process.execPath, ['--import', 'tsx', ...runArgs], { encoding: 'utf8' });
  const run = parse(salt ?? 'positional', output);
  runs.push(run);
  console.log(
    `${run.partition.padEnd(10)} in ${run.inScope.toFixed(3)}  out ${run.outOfScope.toFixed(3)}  FR ${run.falseRejections.toFixed(3)}  ` +
      `balanced ${run.balanced.toFixed(3)}  >=0.9 wrong ${run.confidentWrong}  top-1 ${run.topOne.toFixed(3)}`,
  );
}
const mean = (pick: (run: Run) => number): string => (runs.reduce((sum, run) => sum + pick(run), 0) / runs.length).toFixed(3);
console.log(
  `mean over ${runs.length}: in ${mean((r) => r.inScope)}  out ${mean((r) => r.outOfScope)}  FR ${mean((r) => r.falseRejections)}  ` +
    `balanced ${mean((r) => r.balanced)} (${Math.min(...runs.map((r) => r.balanced)).toFixed(3)}–${Math.max(...runs.map((r) => r.balanced)).toFixed(3)})  ` +
    `>=0.9 wrong, sum ${runs.reduce((sum, run) => sum + run.confidentWrong, 0)}  top-1 ${mean((r) => r.topOne)}`,
);
