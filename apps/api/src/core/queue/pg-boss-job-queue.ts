import PgBoss from 'pg-boss';
import { EntityManager } from 'typeorm';
import { ActiveJob, ConsumeOptions, EnqueueOptions, JobQueue, QueuedJob } from './job-queue';
import { PG_BOSS_SCHEMA, QUEUE_DEFINITIONS } from './queue-definitions';

/**
 * JobQueue on pg-boss: jobs live in PostgreSQL and are fetched with SKIP LOCKED, so any
 * number of worker processes on any number of machines share them; a killed worker's job
 * is taken over elsewhere once its run's lease lapses (modules/sync/run-takeover.ts).
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
      ...(transaction ? { db: inTransaction(transaction) } : {}),
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

  async activeSince<Payload extends object>(queues: string[], seconds: number): Promise<Array<ActiveJob<Payload>>> {
    await this.start();
    const { rows } = await this.boss.getDb().executeSql(
      `select id, name, data, retry_count, started_on from ${PG_BOSS_SCHEMA}.job
        where name = any($1::text[]) and state = 'active' and started_on < now() - make_interval(secs => $2)`,
      [queues, seconds],
    );
    return (rows as Array<{ id: string; name: string; data: Payload; retry_count: number; started_on: Date }>).map((row) => ({
      id: row.id,
      queue: row.name,
      payload: row.data,
      retryCount: row.retry_count,
      startedAt: row.started_on,
    }));
  }

  async lockActive(queue: string, jobId: string, transaction: EntityManager): Promise<boolean> {
    const rows = (await transaction.query(`select id from ${PG_BOSS_SCHEMA}.job where name = $1 and id = $2 and state = 'active' for update skip locked`, [
      queue,
      jobId,
    ])) as unknown[];
    return rows.length === 1;
  }

  async stillActive(queue: string, jobId: string, transaction: EntityManager): Promise<boolean> {
    if (!UUID.test(jobId)) return true;
    const rows = (await transaction.query(`select state from ${PG_BOSS_SCHEMA}.job where name = $1 and id = $2 for share`, [queue, jobId])) as Array<{ state: string }>;
    return rows.length === 0 || !ENDED_STATES.has(rows[0].state);
  }

  async cancel(queue: string, jobId: string, transaction: EntityManager): Promise<void> {
    await this.start();
    await this.boss.cancel(queue, jobId, { db: inTransaction(transaction) });
  }

  async depth(): Promise<Record<string, number>> {
    await this.start();
    const result: Record<string, number> = {};
    for (const { name } of QUEUE_DEFINITIONS) result[name] = await this.boss.getQueueSize(name);
    return result;
  }
}

/** pg-boss job states after which nobody may run the job any more. */
const ENDED_STATES: ReadonlySet<string> = new Set(['cancelled', 'completed', 'failed']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** pg-boss runs its statement on the caller's transaction: it commits or rolls back with the caller's writes. */
function inTransaction(transaction: EntityManager): PgBoss.Db {
  return { executeSql: async (text: string, values: unknown[]) => ({ rows: (await transaction.query(text, values)) as unknown[] }) };
}
