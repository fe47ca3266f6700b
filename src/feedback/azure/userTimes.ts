/** A user's recent feedback send times (ms), as kept in `users/<hash>.json`. */
export function readSendTimes(text: string | null): number[] {
  if (text === null || text === '') return [];
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || !('times' in value) || !Array.isArray(value.times)) return [];
  return value.times.filter((t): t is number => typeof t === 'number' && Number.isFinite(t));
}

export function sendTimesText(times: readonly number[]): string {
  return JSON.stringify({ times });
}
