import { UPDATED_AT } from './assumed-resources';
import { listPath, search, type SearchString } from './search-string';
import type { Transport } from './transport';

/** CIMcloud returns at most 50 records a page. */
export const PAGE_SIZE = 50;

export type Row = Record<string, unknown>;

function rowsOf(body: unknown, path: string): Row[] {
  if (!Array.isArray(body)) throw new Error(`CIMcloud GET ${path} did not return a JSON array`);
  return body.filter((r): r is Row => typeof r === 'object' && r !== null && !Array.isArray(r));
}

/** Reads a resource page by page (one call each) until a page is short. */
export async function* readPages(transport: Transport, resource: string, searchString?: SearchString): AsyncGenerator<Row[]> {
  for (let page = 1; ; page++) {
    const path = listPath(resource, searchString, page);
    const rows = rowsOf((await transport.send({ method: 'GET', path, auth: true })).body, path);
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE_SIZE) return;
  }
}

export interface ChangedPage {
  rows: Row[];
  /** Latest `updated_at` read so far: the cursor to resume from. */
  cursor: string | undefined;
}

/**
 * Reads rows changed since a cursor (`updated_at >= cursor`, so the boundary is read again
 * and callers de-duplicate by key). Pages by moving the cursor rather than by page number,
 * so rows that change while we read cannot shift a page and be skipped; page numbers are
 * used only while a whole page shares one timestamp.
 */
export async function* readChangedSince(transport: Transport, resource: string, since?: string): AsyncGenerator<ChangedPage> {
  let cursor = since;
  let page = 1;
  for (;;) {
    const filter = cursor === undefined ? undefined : search.greaterThanOrEqual(UPDATED_AT, cursor);
    const path = listPath(resource, filter, page);
    const rows = rowsOf((await transport.send({ method: 'GET', path, auth: true })).body, path);
    const last = rows.length > 0 ? rows[rows.length - 1][UPDATED_AT] : undefined;
    const next = typeof last === 'string' ? last : cursor;
    if (rows.length > 0) yield { rows, cursor: next };
    if (rows.length < PAGE_SIZE) return;
    if (next === cursor) page++;
    else {
      cursor = next;
      page = 1;
    }
  }
}
