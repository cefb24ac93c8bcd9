import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { FerryConfig } from '../../core/config/ferry-config';
import { JobQueue, QueuedJob } from '../../core/queue/job-queue';
import { RunThrottleTally } from '../connections/run-throttle-tally';
import { SYNC_QUEUES } from '../../core/queue/queue-definitions';
import { FlowRunnerRegistry } from './flow-runner-registry';
import { PermanentRunError } from './permanent-run-error';
import { HeldLease, RunLeases } from './run-lease';
import { SyncJobPayload } from './flow-runner';
import { SyncRunsService } from './sync-runs.service';

/**
 * Runs sync jobs (roles `worker` and `all`): each job becomes one recorded run of its
 * flow's runner. A failure is recorded and rethrown, so the queue retries it with backoff
 * and finally moves it to the dead-letter queue.
 */
@Injectable()
export class SyncWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(SyncWorker.name);

  constructor(
    private readonly config: FerryConfig,
    private readonly queue: JobQueue,
    private readonly runners: FlowRunnerRegistry,
    private readonly runs: SyncRunsService,
    private readonly leases: RunLeases,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.FERRY_ROLE === 'api') return;
    await this.startConsuming();
  }

  /** Starts a consumer per registered flow (called at start-up; tests call it after registering runners). */
  async startConsuming(): Promise<void> {
    for (const runner of this.runners.all()) {
      await this.queue.consume<SyncJobPayload>(
        SYNC_QUEUES[runner.flow],
        { batchSize: this.config.WORKER_BATCH_SIZE, pollingIntervalSeconds: this.config.WORKER_POLL_SECONDS },
        (job) => this.handle(job),
      );
    }
  }

  async handle(job: QueuedJob<SyncJobPayload>): Promise<void> {
    const { tenantId, flow, trigger, scheduledFor, since, takeovers } = job.payload;
    const runner = this.runners.get(flow);
    if (!runner) throw new Error(`No runner for the ${flow} flow in this process.`);
    const runId = await this.runs.start(tenantId, flow, trigger, job.id, job.retryCount + 1 + (takeovers ?? 0), scheduledFor ?? null, this.config.RUN_LEASE_SECONDS, (m) =>
      this.queue.stillActive(job.queue, job.id, m),
    );
    if (runId === null) {
      // This process was slower to start the job than a lease: another worker took it over.
      this.logger.warn({ tenantId, flow, jobId: job.id }, 'Job taken over before its run started; leaving it to the replacement');
      return;
    }
    const throttle = new RunThrottleTally();
    // Held while the run works; a worker killed mid-run stops renewing it and the run is taken over (run-takeover.ts).
    let lease: HeldLease | null = null;
    try {
      lease = await this.leases.hold(tenantId, runId);
      const signal = lease.signal;
      const result = await throttle.attribute(() => runner.run({ tenantId, runId, trigger, since, signal, reportProgress: (progress) => this.runs.progress(tenantId, runId, progress) }));
      await this.runs.succeed(tenantId, runId, result, throttle.snapshot());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ tenantId, flow, runId, err: message }, 'Sync run failed');
      await this.runs.fail(tenantId, runId, message, throttle.snapshot());
      // Retrying cannot help a run that waits for a person; anything else is retried with backoff.
      if (!(error instanceof PermanentRunError)) throw error;
    } finally {
      lease?.release();
    }
  }
}
