import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { FerryConfig } from '../../core/config/ferry-config';
import { ActiveJob, JobQueue } from '../../core/queue/job-queue';
import { DEAD_LETTER_QUEUE, SYNC_QUEUES } from '../../core/queue/queue-definitions';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { enqueueSyncRun } from './enqueue-sync-run';
import { SyncJobPayload } from './flow-runner';

/** Takeovers of one job's runs before it goes to the dead-letter queue (as the sync queues' retry limit). */
const MAX_TAKEOVERS = 5;

/** Leases a fetched job may go without a recorded run before it counts as abandoned. */
const NO_RUN_GRACE_LEASES = 3;
export const TAKEN_OVER_ERROR = 'The worker running this run stopped (its lease lapsed); the run was handed to another worker.';

/**
 * Takes over the runs of killed workers (DESIGN §6: a run never holds a lock that outlives
 * its process). Every worker sweeps, every half lease: a sync job that is running in pg-boss
 * but whose run has no live lease lost its worker. In one transaction, with the job's row
 * locked (so two sweepers never both act), the run is marked failed, the job is cancelled
 * (a late complete from a worker thought dead then changes nothing) and a fresh job with the
 * same payload is queued under the same singleton key. So a tenant × flow is never run twice
 * at once, and the takeover waits RUN_LEASE_SECONDS, not pg-boss's expiry.
 */
@Injectable()
export class RunTakeover implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RunTakeover.name);
  private timer: NodeJS.Timeout | null = null;
  private sweeping = false;

  constructor(
    private readonly config: FerryConfig,
    private readonly db: DbContextRunner,
    private readonly queue: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.FERRY_ROLE === 'api') return;
    this.timer = setInterval(() => void this.sweep(), Math.max(1000, (this.config.RUN_LEASE_SECONDS * 1000) / 2));
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Takes over every run whose worker is gone; returns how many. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let taken = 0;
    try {
      const candidates = await this.queue.activeSince<SyncJobPayload>(Object.values(SYNC_QUEUES), this.config.RUN_LEASE_SECONDS);
      for (const job of candidates) if (await this.takeOver(job)) taken++;
    } catch (error) {
      this.logger.error({ err: error }, 'Run takeover sweep failed');
    } finally {
      this.sweeping = false;
    }
    return taken;
  }

  private takeOver(job: ActiveJob<SyncJobPayload>): Promise<boolean> {
    const { tenantId, flow } = job.payload;
    return this.db.run({ tenantId }, async (m) => {
      if (!(await this.queue.lockActive(job.queue, job.id, m))) return false;
      const runs = (await m.query(
        `select lease_expires_at >= now() as alive from sync_runs where tenant_id = $1 and job_id = $2 and status = 'running'`,
        [tenantId, job.id],
      )) as Array<{ alive: boolean }>;
      if (runs.some((r) => r.alive)) return false;
      // No run recorded yet: the worker that fetched the job may just be slow to start it on a
      // loaded machine (it records the run with a first lease). Give it a few leases; if it
      // starts after the takeover it sees the job cancelled and leaves it (SyncWorker).
      const noRunGraceMs = NO_RUN_GRACE_LEASES * this.config.RUN_LEASE_SECONDS * 1000;
      if (runs.length === 0 && Date.now() - job.startedAt.getTime() < noRunGraceMs) return false;
      await m.query(`update sync_runs set status = 'failed', finished_at = now(), error = $3 where tenant_id = $1 and job_id = $2 and status = 'running'`, [
        tenantId,
        job.id,
        TAKEN_OVER_ERROR,
      ]);
      await this.queue.cancel(job.queue, job.id, m);
      const takeovers = (job.payload.takeovers ?? 0) + 1;
      const payload: SyncJobPayload = { ...job.payload, takeovers };
      const replacement = takeovers > MAX_TAKEOVERS ? await this.queue.enqueue(DEAD_LETTER_QUEUE, payload, {}, m) : await enqueueSyncRun(this.queue, payload, m);
      // A null replacement: a job of this tenant × flow is already waiting and does the same work.
      this.logger.warn({ tenantId, flow, jobId: job.id, replacement, takeovers }, 'Took over the run of a stopped worker');
      return true;
    });
  }
}
