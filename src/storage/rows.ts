/**
 * Narrowing helpers for rows read from SQLite: the driver returns unknown shapes, and these check
 * each column instead of trusting a cast.
 */
export type Row = Readonly<Record<string, unknown>>;

export function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function column(row: unknown, name: string): unknown {
  if (!isRow(row)) throw new TypeError(`Expected a database row, got ${typeof row}`);
  return row[name];
}

export function textColumn(row: unknown, name: string): string {
  const value = column(row, name);
  if (typeof value !== 'string') throw new TypeError(`Column ${name} is not text`);
  return value;
}

export function optionalTextColumn(row: unknown, name: string): string | null {
  const value = column(row, name);
  if (value === null) return null;
  if (typeof value !== 'string') throw new TypeError(`Column ${name} is not text`);
  return value;
}

export function numberColumn(row: unknown, name: string): number {
  const value = column(row, name);
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'number') throw new TypeError(`Column ${name} is not a number`);
  return value;
}

export function optionalNumberColumn(row: unknown, name: string): number | null {
  const value = column(row, name);
  if (value === null) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'number') throw new TypeError(`Column ${name} is not a number`);
  return value;
}
