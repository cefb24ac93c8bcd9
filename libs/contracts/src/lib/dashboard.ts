import { ErrorCategory, PassThroughStatus } from './pass-through-orders';

/** The systems on either side whose rate limits make Ferry wait. */
export const UPSTREAMS = ['shopify', 'cimcloud'] as const;
export type Upstream = (typeof UPSTREAMS)[number];

/** How one sync run was held back by one upstream's rate limits. */
export interface UpstreamThrottleCounts {
  /** Milliseconds the run's requests waited because of the rate limits. */
  throttledMs: number;
  /** Times a request waited: held back before sending (cost bucket / call budget) or after a throttled answer. */
  throttleEvents: number;
  /** Answers that said "throttled" (Shopify THROTTLED, HTTP 429). */
  throttledAnswers: number;
}

/** Stored in `sync_runs.counts.throttle`, only for the upstreams that made the run wait. */
export type RunThrottleCounts = Partial<Record<Upstream, UpstreamThrottleCounts>>;

/** Throttling of one upstream over an hour or the whole window. */
export interface ThrottleTotals {
  seconds: number;
  events: number;
  throttledAnswers: number;
}

/** One hour of the dashboard (UTC, the hour starting at `hour`). */
export interface DashboardHour {
  hour: string;
  /** Orders that reached CIMcloud in this hour (now sent or imported). */
  ordersSynced: number;
  /** Orders that failed (mapping/validation or ERP import) and were last touched in this hour. */
  ordersFailed: number;
  /** failed / (synced + failed); null for an hour without either. */
  errorRate: number | null;
  /** Shopify created → ERP imported, of the orders imported in this hour; null without any. */
  latencyP50Seconds: number | null;
  latencyP95Seconds: number | null;
  throttle: Record<Upstream, ThrottleTotals>;
}

export interface OpenErrorsByCategory {
  category: ErrorCategory;
  count: number;
}

/** GET /dashboard?hours=N: the sync's health per hour, open errors, and totals. */
export interface Dashboard {
  hours: number;
  /** Start of the first bucket and end of the last (exclusive). */
  from: string;
  to: string;
  buckets: DashboardHour[];
  /** Open and retrying errors of every flow, most first. */
  openErrors: OpenErrorsByCategory[];
  totals: {
    ordersSynced: number;
    ordersFailed: number;
    errorRate: number | null;
    latencyP50Seconds: number | null;
    latencyP95Seconds: number | null;
    openErrors: number;
    throttle: Record<Upstream, ThrottleTotals>;
    /** Every order in the ledger now, by status (not limited to the window). */
    ordersByStatus: Record<PassThroughStatus, number>;
  };
}

export const DASHBOARD_MAX_HOURS = 168;
