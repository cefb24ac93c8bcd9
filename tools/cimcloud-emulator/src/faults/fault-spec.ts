/**
 * error: answer with a status (default 503) instead of handling the call;
 * reset: destroy the socket without answering; latency: wait, then handle normally;
 * rate-limit: answer 429 as if the authorization's budget were spent;
 * expired-token: revoke the caller's bearer token and answer 401, as if it had expired.
 */
export type FaultKind = 'error' | 'reset' | 'latency' | 'rate-limit' | 'expired-token';

export interface FaultSpec {
  kind: FaultKind;
  /** Only calls to this site (any site when omitted). */
  site?: string;
  /** Only this HTTP method. */
  method?: string;
  /** Only paths (after the site name, e.g. "orderpassthrough") starting with this, case-insensitive. */
  pathPrefix?: string;
  status?: number;
  body?: unknown;
  latencyMs?: number;
  /** How many matching calls it affects (default 1; Infinity for all until cleared). */
  times?: number;
}
