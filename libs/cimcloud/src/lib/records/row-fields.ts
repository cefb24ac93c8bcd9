import type { Row } from '../paged-reader';

/** Reads a text column; numbers are accepted as text (codes often look numeric). */
export function text(row: Row, key: string): string {
  const value = row[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new Error(`CIMcloud row has no text "${key}"`);
}

export function optionalText(row: Row, key: string): string | undefined {
  const value = row[key];
  if (value === null || value === undefined || value === '') return undefined;
  return typeof value === 'string' ? value : String(value);
}

export function numeric(row: Row, key: string): number {
  const value = row[key];
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new Error(`CIMcloud row has no number "${key}"`);
  return n;
}
