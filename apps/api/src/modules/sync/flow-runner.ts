import { Flow, RunCounts, RunProgress, RunTrigger } from '@ferry/contracts';

export interface FlowRunRequest {
  tenantId: string;
  runId: string;
  trigger: RunTrigger;
  /** For backfills: where to start reading. */
  since?: string;
  /** Long runs report how far they are (shown while they run). */
  reportProgress?: (progress: RunProgress) => Promise<void>;
  /** Aborted when this run's lease was lost and another worker took it over: stop between batches. */
  signal?: AbortSignal;
}

export interface FlowRunResult {
  counts: RunCounts;
  cursorBefore?: string | null;
  cursorAfter?: string | null;
}

/** One flow of DESIGN §2 (orders, shipments, inventory): reads, maps, writes and records one run. */
export abstract class FlowRunner {
  abstract readonly flow: Flow;
  abstract run(request: FlowRunRequest): Promise<FlowRunResult>;
}

/** The payload of a sync job on the queue. */
export interface SyncJobPayload {
  tenantId: string;
  flow: Flow;
  trigger: RunTrigger;
  scheduledFor?: string;
  since?: string;
  /** How often a stopped worker's run of this job was taken over (run-takeover.ts). */
  takeovers?: number;
}
