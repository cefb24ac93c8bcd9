/** GETs return at most 50 records; pages are numbered from 1 (0 or empty means 1). */
export const PAGE_SIZE = 50;

export interface ListRequest {
  searchString?: string;
  page: number;
}

/**
 * Reads `{resource}/{searchstring}/{page_number}`, both parts optional. A trailing all-digit
 * segment is the page; everything before it is the searchstring, slashes included (CIMcloud's
 * own example filters on `1/1/2021`).
 */
export function parseListRequest(segments: string[]): ListRequest {
  const parts = segments.filter((s) => s !== '');
  if (parts.length === 0) return { page: 1 };
  const last = parts[parts.length - 1];
  if (/^\d+$/.test(last)) {
    const searchString = parts.slice(0, -1).join('/');
    return { searchString: searchString === '' ? undefined : searchString, page: Math.max(1, Number(last)) };
  }
  return { searchString: parts.join('/'), page: 1 };
}

export function pageOf<T>(rows: T[], page: number): T[] {
  return rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
}
