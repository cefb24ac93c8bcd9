import { EntityManager } from 'typeorm';

export interface EnqueueOptions {
  /** At most one waiting and one running job per key and queue (e.g. a tenant). */
  singletonKey?: string;
  startAfter?: Date;
}

export interface QueuedJob<Payload> {
  id: string;
  queue: string;
  payload: Payload;
  /** How many times this job was already tried (0 on the first run). */
  retryCount: number;
}

/** A job a worker fetched and has not finished; the queue does not know whether that worker still lives. */
export interface ActiveJob<Payload> extends QueuedJob<Payload> {
  startedAt: Date;
}

export interface ConsumeOptions {
  /** Jobs fetched per poll; the scheduler target needs this sized (DESIGN §10). */
  batchSize: number;
  pollingIntervalSeconds: number;
}

/**
 * Where background work waits. The sync engine talks to this interface only; the driver
 * (pg-boss on PostgreSQL) can change without touching the flows.
 */
export abstract class JobQueue {
  /**
   * Enqueues a job. With `transaction`, the job is written in that transaction: it exists
   * exactly when the caller's other writes commit (e.g. a claimed schedule row).
   */
  abstract enqueue<Payload extends object>(queue: string, payload: Payload, options?: EnqueueOptions, transaction?: EntityManager): Promise<string | null>;

  /** Runs `handle` for each job; a job whose handler throws is retried by the queue's policy. */
  abstract consume<Payload extends object>(queue: string, options: ConsumeOptions, handle: (job: QueuedJob<Payload>) => Promise<void>): Promise<void>;

  /** Jobs waiting or running, per queue. */
  abstract depth(): Promise<Record<string, number>>;

  /** Running jobs of these queues fetched at least `seconds` ago: candidates for a takeover. */
  abstract activeSince<Payload extends object>(queues: string[], seconds: number): Promise<Array<ActiveJob<Payload>>>;

  /**
   * Locks a running job for `transaction`. False when it is no longer running or another
   * process holds it (e.g. a second worker taking it over at the same moment).
   */
  abstract lockActive(queue: string, jobId: string, transaction: EntityManager): Promise<boolean>;

  /**
   * False when the job is known and no longer running (a takeover cancelled it while this
   * process was slow to start it). Holds a share lock on the job row until `transaction`
   * ends, so a takeover cannot cancel it in between. Ids that are not the queue's (a run
   * invoked directly) count as running.
   */
  abstract stillActive(queue: string, jobId: string, transaction: EntityManager): Promise<boolean>;

  /**
   * Ends a job without a retry, in `transaction`. A late complete or fail by the process
   * that ran it then changes nothing: its job id is no longer running.
   */
  abstract cancel(queue: string, jobId: string, transaction: EntityManager): Promise<void>;
}
