import PgBoss from 'pg-boss';
import { EntityManager } from 'typeorm';
import { ConsumeOptions, EnqueueOptions, JobQueue, QueuedJob } from './job-queue';
import { PG_BOSS_SCHEMA, QUEUE_DEFINITIONS } from './queue-definitions';

/**
 * JobQueue on pg-boss: jobs live in PostgreSQL and are fetched with SKIP LOCKED, so any
 * number of worker processes on any number of machines share them; a killed worker's job
 * expires and is retried elsewhere.
 */
export class PgBossJobQueue extends JobQueue {
  private readonly boss: PgBoss;
  private started: Promise<PgBoss> | null = null;

  constructor(appDatabaseUrl: string, options: { supervise: boolean; onError: (error: Error) => void }) {
    super();
    this.boss = new PgBoss({
      connectionString: appDatabaseUrl,
      schema: PG_BOSS_SCHEMA,
      // The owner installed the schema and queues at migration time (install-queue-schema.ts).
      migrate: false,
      supervise: options.supervise,
      schedule: false,
      application_name: 'ferry-queue',
      max: 10,
    });
    this.boss.on('error', options.onError);
  }

  start(): Promise<PgBoss> {
    this.started ??= this.boss.start();
    return this.started;
  }

  async stop(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.started = null;
  }

  async enqueue<Payload extends object>(queue: string, payload: Payload, options: EnqueueOptions = {}, transaction?: EntityManager): Promise<string | null> {
    await this.start();
    return this.boss.send(queue, payload, {
      singletonKey: options.singletonKey,
      startAfter: options.startAfter,
      ...(transaction ? { db: { executeSql: async (text: string, values: unknown[]) => ({ rows: (await transaction.query(text, values)) as unknown[] }) } } : {}),
    });
  }

  async consume<Payload extends object>(queue: string, options: ConsumeOptions, handle: (job: QueuedJob<Payload>) => Promise<void>): Promise<void> {
    await this.start();
    await this.boss.work<Payload>(
      queue,
      { batchSize: options.batchSize, pollingIntervalSeconds: options.pollingIntervalSeconds, includeMetadata: true },
      async (jobs) => {
        // Each job settles on its own: one failure must not fail (and retry) the whole batch.
        const failed: Array<{ id: string; error: unknown }> = [];
        await Promise.all(
          jobs.map((job) =>
            handle({ id: job.id, queue, payload: job.data, retryCount: job.retryCount }).catch((error: unknown) => {
              failed.push({ id: job.id, error });
            }),
          ),
        );
        for (const { id, error } of failed) {
          await this.boss.fail(queue, id, { message: error instanceof Error ? error.message : String(error) });
        }
      },
    );
  }

  async depth(): Promise<Record<string, number>> {
    await this.start();
    const result: Record<string, number> = {};
    for (const { name } of QUEUE_DEFINITIONS) result[name] = await this.boss.getQueueSize(name);
    return result;
  }
}
