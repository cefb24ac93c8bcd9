import { ASSUMED_ROWS, DOCUMENTED_READ_ROWS } from '../assumed-endpoints';
import type { JsonObject } from '../core/json-value';
import type { SiteState } from '../sites/site-state';
import { applySearchString } from './search-string';
import { pageOf, parseListRequest } from './list-request';

/** Row builders of every readable resource, documented and assumed, by lower-case name. */
const READABLE: Record<string, (site: SiteState) => JsonObject[]> = { ...DOCUMENTED_READ_ROWS, ...ASSUMED_ROWS };

export function isReadableResource(name: string): boolean {
  return name in READABLE;
}

/** A GET of `{resource}/{searchstring}/{page}`: filtered, then one page of at most 50. */
export function readResource(site: SiteState, resource: string, segments: string[], nowMs: number): JsonObject[] {
  const { searchString, page } = parseListRequest(segments);
  const rows = applySearchString(READABLE[resource](site), searchString, nowMs);
  return pageOf(rows, page);
}
