import type { CardElement } from '../feedback/cards.js';
import type { Figure, FunnelReport } from './report.js';

/** How a figure reads: the number, or "fewer than 5" when it is suppressed. */
export function showFigure(value: Figure, below = 5): string {
  return value === null ? `fewer than ${below}` : String(value);
}

/** The report's figures as they read, with its own suppression limit. */
function figuresOf(report: FunnelReport): (value: Figure) => string {
  return (value) => showFigure(value, report.suppressedBelow);
}

interface Bar {
  readonly label: string;
  readonly value: Figure;
}

/** The step chart's rows: started, each step reached, "Yes, it worked". */
function bars(report: FunnelReport): Bar[] {
  return [
    { label: 'Started', value: report.started },
    ...report.steps.map((s) => ({ label: s.step <= 5 ? `Step ${s.step}: ${s.title}` : s.title, value: s.reached })),
    { label: 'Yes, it worked', value: report.worked },
  ];
}

/** The largest figure shown, for proportional bars (suppressed figures draw no bar). */
function scale(rows: readonly Bar[]): number {
  return Math.max(1, ...rows.map((r) => r.value ?? 0));
}

function stuckLine(report: FunnelReport, step: FunnelReport['steps'][number]): string | null {
  if (step.stuck === 0 && step.problems.length === 0) return null;
  const f = figuresOf(report);
  const chosen = step.problems.map((p) => `${p.label} ${f(p.count)}`).join('; ');
  return `Step ${step.step}: ${f(step.stuck)}${chosen === '' ? '' : ` (then chose: ${chosen})`}`;
}

function unfinishedLine(report: FunnelReport): string {
  const u = report.unfinished;
  if (u === null) return 'Left unfinished for 7 days: no start day closed in this period.';
  const f = figuresOf(report);
  return `Left unfinished for 7 days: ${f(u.unfinished)} of ${f(u.started)} started ${u.startedFrom} to ${u.startedTo} (${f(u.finished)} finished).`;
}

function practiceLine(report: FunnelReport): string {
  const f = figuresOf(report);
  return `Practice: ${f(report.practice.attempts)} codes checked, ${f(report.practice.wrongClock)} showed a wrong phone clock.`;
}

const TEXT_BAR_WIDTH = 30;

/** The funnel as terminal text, with bars of █ (the CLI's digest). */
export function renderFunnelText(report: FunnelReport): string[] {
  const rows = bars(report);
  const max = scale(rows);
  const width = Math.max(...rows.map((r) => r.label.length));
  const f = figuresOf(report);
  const lines = [`Enrolment funnel (figures under ${report.suppressedBelow} show as "fewer than ${report.suppressedBelow}"):`];
  for (const r of rows) {
    const filled = r.value === null ? 0 : Math.round((TEXT_BAR_WIDTH * r.value) / max);
    const bar = r.value === null ? '░' : '█'.repeat(filled);
    lines.push(`  ${r.label.padEnd(width)}  ${bar.padEnd(TEXT_BAR_WIDTH)}  ${f(r.value)}`);
  }
  lines.push(`  "No, it didn't work": ${f(report.didNotWork)}`);
  const stuck = report.steps.map((s) => stuckLine(report, s)).filter((l): l is string => l !== null);
  lines.push('', stuck.length === 0 ? '"I\'m stuck": not pressed in this period.' : '"I\'m stuck" pressed:');
  for (const l of stuck) lines.push(`  ${l}`);
  lines.push('', unfinishedLine(report));
  lines.push('', report.troubleshooting.length === 0 ? 'Troubleshooting: no outcomes in this period.' : 'Troubleshooting outcomes:');
  for (const t of report.troubleshooting) lines.push(`  ${t.label}: fixed ${f(t.fixed)}, escalated ${f(t.escalated)}`);
  lines.push('', practiceLine(report));
  return lines;
}

function small(text: string, extra: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text, size: 'Small', wrap: true, spacing: 'None', ...extra };
}

/** Weights out of 100, so the card stays small whatever the counts. */
function barRow(bar: Bar, max: number, below: number): CardElement[] {
  const label = small(`${bar.label}: ${showFigure(bar.value, below)}`, { spacing: 'Small' });
  if (bar.value === null || bar.value === 0) return [label];
  const filled = Math.max(1, Math.round((100 * bar.value) / max));
  const columns: CardElement[] = [{ type: 'Column', width: filled, style: 'accent', minHeight: '14px', items: [] }];
  if (filled < 100) columns.push({ type: 'Column', width: 100 - filled, items: [] });
  return [label, { type: 'ColumnSet', spacing: 'None', columns }];
}

/**
 * The funnel as Adaptive Card elements (schema 1.5): a step chart of proportional bars — a
 * ColumnSet per row, the filled part an accent-styled Column weighted by the figure, the rest an
 * empty Column — then the other counts as short lines.
 */
export function funnelCardElements(report: FunnelReport, heading: (text: string) => CardElement): CardElement[] {
  const rows = bars(report);
  const max = scale(rows);
  const below = report.suppressedBelow;
  const f = figuresOf(report);
  const body: CardElement[] = [heading('Enrolment funnel')];
  body.push(small(`Walkthroughs in this period. Figures under ${below} show as "fewer than ${below}".`, { isSubtle: true }));
  for (const bar of rows) body.push(...barRow(bar, max, below));
  body.push(small(`"No, it didn't work": ${f(report.didNotWork)}`, { spacing: 'Small' }));
  const stuck = report.steps.map((s) => stuckLine(report, s)).filter((l): l is string => l !== null);
  body.push(heading('"I\'m stuck" pressed'));
  body.push(small(stuck.length === 0 ? 'Not pressed in this period.' : stuck.join('\n\n')));
  body.push(heading('Unfinished, troubleshooting and practice'));
  body.push(small(unfinishedLine(report)));
  if (report.troubleshooting.length > 0) {
    body.push({ type: 'FactSet', facts: report.troubleshooting.map((t) => ({ title: t.label, value: `fixed ${f(t.fixed)}, escalated ${f(t.escalated)}` })) });
  } else {
    body.push(small('Troubleshooting: no outcomes in this period.'));
  }
  body.push(small(practiceLine(report), { spacing: 'Small' }));
  return body;
}
