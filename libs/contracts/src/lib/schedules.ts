import { RunThrottleCounts } from './dashboard';

/** The three flows of DESIGN §2. */
export const FLOWS = ['orders', 'shipments', 'inventory'] as const;
export type Flow = (typeof FLOWS)[number];

export const RUN_TRIGGERS = ['schedule', 'webhook', 'manual', 'backfill', 'retry'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

export type RunStatus = 'running' | 'succeeded' | 'failed';

export interface RunCounts {
  read?: number;
  written?: number;
  skipped?: number;
  failed?: number;
  /** How long and how often the run waited for each upstream's rate limits (present only when it did). */
  throttle?: RunThrottleCounts;
}

/** How far a long run (a backfill) is: records read so far and the share of its period covered. */
export interface RunProgress {
  done: number;
  /** 0–1, from the time span read so far; null when unknown. */
  fraction: number | null;
}

export interface RunSummary {
  id: string;
  flow: Flow;
  trigger: RunTrigger;
  status: RunStatus;
  attempt: number;
  scheduledFor: string | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  counts: RunCounts;
  error: string | null;
  progress: RunProgress | null;
}

export interface ScheduleSummary {
  flow: Flow;
  /** Set for interval schedules (1 minute to 24 hours). */
  intervalMinutes: number | null;
  /** Set for cron schedules (5 fields, UTC). */
  cron: string | null;
  paused: boolean;
  nextRunAt: string;
  lastEnqueuedAt: string | null;
  lastRun: RunSummary | null;
}

/** Give either `intervalMinutes` or `cron` to change the timing; `paused` alone pauses or resumes. */
export interface UpdateScheduleRequest {
  intervalMinutes?: number;
  cron?: string;
  paused?: boolean;
}

/** Read every order updated since `since` again (up to Shopify's 60 days without read_all_orders). */
export interface BackfillRequest {
  since: string;
}

export interface RunNowResponse {
  /** False when a run of this flow is already waiting for this tenant (it will pick up the same work). */
  queued: boolean;
}
