/**
 * The confidence the matcher reports with an answer: a conservative estimate of how often
 * answers like it are right, so that "0.9" can be trusted. Temperature scaling alone (calibration.ts)
 * is fitted on the team's own tuning examples and is too sure of itself on questions worded
 * differently; two things tell the answers apart better, measured by cross-validation on the training
 * examples: how high the classifier's probability is, and whether the content scorer (the answers'
 * own words) points at the same intent. The tuning answers are sorted into cells by those two, and
 * each cell reports the lower end of the 95% Wilson interval of its accuracy, never more than the
 * probability itself. A cell with few tuning answers therefore reports little confidence.
 */
export interface ConfidenceItem {
  /** Temperature-scaled probability of the answered intent. */
  readonly probability: number;
  /** Whether the content scorer's best intent is the answered one. */
  readonly contentAgrees: boolean;
  readonly correct: boolean;
}

export interface ConfidenceTable {
  confidence(probability: number, contentAgrees: boolean): number;
  /** Each cell's reported ceiling (band × content agrees), to store the table and rebuild it with confidenceTableFrom. */
  readonly cells: readonly number[];
}

/** Lower edges of the probability bands (ascending). */
export const PROBABILITY_BANDS: readonly number[] = [0, 0.7, 0.9, 0.99];

const Z = 1.96;

/** Lower end of the Wilson score interval for `right` successes out of `total`. */
export function wilsonLower(right: number, total: number, z = Z): number {
  if (total === 0) return 0;
  const p = right / total;
  const z2 = z * z;
  const centre = p + z2 / (2 * total);
  const margin = z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return Math.max(0, (centre - margin) / (1 + z2 / total));
}

function band(probability: number): number {
  let index = 0;
  for (let b = 0; b < PROBABILITY_BANDS.length; b++) if (probability >= (PROBABILITY_BANDS[b] ?? 0)) index = b;
  return index;
}

export function fitConfidenceTable(items: readonly ConfidenceItem[]): ConfidenceTable {
  const cells = PROBABILITY_BANDS.length * 2;
  const right = new Array<number>(cells).fill(0);
  const total = new Array<number>(cells).fill(0);
  for (const item of items) {
    const cell = cellOf(item.probability, item.contentAgrees);
    total[cell] = (total[cell] ?? 0) + 1;
    if (item.correct) right[cell] = (right[cell] ?? 0) + 1;
  }
  return confidenceTableFrom(total.map((count, cell) => wilsonLower(right[cell] ?? 0, count)));
}

function cellOf(probability: number, agrees: boolean): number {
  return band(probability) * 2 + (agrees ? 1 : 0);
}

/** The table whose cells report these ceilings (fitted here or read back from a stored matcher). */
export function confidenceTableFrom(cells: readonly number[]): ConfidenceTable {
  return {
    cells,
    confidence(probability, contentAgrees) {
      return Math.min(probability, cells[cellOf(probability, contentAgrees)] ?? 0);
    },
  };
}
