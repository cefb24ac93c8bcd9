import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { FerryConfig } from '../../core/config/ferry-config';
import { JobQueue, QueuedJob } from '../../core/queue/job-queue';
import { SYNC_QUEUES } from '../../core/queue/queue-definitions';
import { FlowRunnerRegistry } from './flow-runner-registry';
import { PermanentRunError } from './permanent-run-error';
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
    const { tenantId, flow, trigger, scheduledFor, since } = job.payload;
    const runner = this.runners.get(flow);
    if (!runner) throw new Error(`No runner for the ${flow} flow in this process.`);
    const runId = await this.runs.start(tenantId, flow, trigger, job.id, job.retryCount + 1, scheduledFor ?? null);
    try {
      const result = await runner.run({ tenantId, runId, trigger, since, reportProgress: (progress) => this.runs.progress(tenantId, runId, progress) });
      await this.runs.succeed(tenantId, runId, result);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ tenantId, flow, runId, err: message }, 'Sync run failed');
      await this.runs.fail(tenantId, runId, message);
      // Retrying cannot help a run that waits for a person; anything else is retried with backoff.
      if (!(error instanceof PermanentRunError)) throw error;
    }
  }
}
