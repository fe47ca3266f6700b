import type { EvaluationReport } from './evaluate.js';

/** An evaluation report as plain text for a content author's terminal. */
export function formatReport(report: EvaluationReport): string {
  const fixed = (value: number): string => value.toFixed(3);
  const lines: string[] = [];
  const inScopeCorrect = Math.round(report.inScopeAccuracy * report.inScope);
  const outOfScopeCorrect = Math.round(report.outOfScopeRecall * report.outOfScope);
  lines.push(`Questions: ${report.questions} (${report.inScope} in scope, ${report.outOfScope} out of scope)`);
  lines.push(`In-scope accuracy:    ${fixed(report.inScopeAccuracy)}  (${inScopeCorrect}/${report.inScope})`);
  lines.push(`Out-of-scope recall:  ${fixed(report.outOfScopeRecall)}  (${outOfScopeCorrect}/${report.outOfScope} rightly answered "none")`);
  lines.push(`False rejections:     ${fixed(report.falseRejectionRate)}  (${report.falseRejections}/${report.inScope} in-scope questions answered "none")`);
  lines.push(`Macro-F1:             ${fixed(report.macroF1)}`);
  lines.push('');
  lines.push('Per intent              support  precision  recall  F1');
  for (const score of report.perIntent) {
    lines.push(
      `${score.intent.padEnd(24)}${String(score.support).padStart(7)}  ${fixed(score.precision).padStart(9)}  ${fixed(score.recall).padStart(6)}  ${fixed(score.f1)}`,
    );
  }
  lines.push('');
  if (report.confusedPairs.length === 0) {
    lines.push('Most confused pairs: none');
  } else {
    lines.push('Most confused pairs (expected → matched):');
    for (const pair of report.confusedPairs) lines.push(`  ${String(pair.count).padStart(3)}  ${pair.expected} → ${pair.predicted}`);
  }
  lines.push('');
  if (report.misrouted.length === 0) {
    lines.push('Misrouted questions: none');
  } else {
    lines.push(`Misrouted questions (${report.misrouted.length}):`);
    for (const miss of report.misrouted) {
      lines.push(`  ${miss.expected} → ${miss.predicted} (${miss.confidence.toFixed(2)})  ${JSON.stringify(miss.text)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
