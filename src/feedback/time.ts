/** Wall clock in milliseconds since the epoch; injectable for tests. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

const UNITS: Readonly<Record<string, number>> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * Parses a duration such as `7d`, `12h`, `30m`, `2w` (also `7 days`, `12 hours`) into milliseconds.
 * Returns null when the text is not a duration.
 */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,6})\s*(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)$/i.exec(text.trim());
  if (match === null) return null;
  const [, amount, unit] = match;
  const factor = UNITS[(unit ?? '').charAt(0).toLowerCase()];
  if (amount === undefined || factor === undefined) return null;
  return Number(amount) * factor;
}

/** "3 days", "5 hours", "12 minutes", "less than a minute". */
export function formatDuration(ms: number): string {
  const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms < 60_000) return 'less than a minute';
  if (ms < 3_600_000) return plural(Math.round(ms / 60_000), 'minute');
  if (ms < 2 * 86_400_000) return plural(Math.round(ms / 3_600_000), 'hour');
  return plural(Math.round(ms / 86_400_000), 'day');
}
