/**
 * npm run readability: how plain the bot's words are. Prints the share of messages of ten words
 * or more that reach Flesch reading ease 60, and the worst 20 with where they live.
 * Exits 1 when the share is under the 90% goal (the same floor test/content/readability.test.ts keeps).
 */
import { MIN_WORDS, scoreMessages, TARGET_SCORE, TARGET_SHARE } from './lib/readability.js';

const WORST = 20;
const report = scoreMessages();
const percent = (report.share * 100).toFixed(1);
console.log(`${report.passing} of ${report.scored.length} messages of ${MIN_WORDS}+ words reach Flesch reading ease ${TARGET_SCORE}: ${percent}% (goal ${TARGET_SHARE * 100}%)`);
console.log(`\nThe ${Math.min(WORST, report.scored.length)} hardest to read:`);
for (const m of report.scored.slice(0, WORST)) {
  console.log(`\n${m.score.toFixed(1).padStart(6)}  ${m.path}\n        ${m.text}`);
}
if (report.share < TARGET_SHARE) process.exitCode = 1;
