import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Flow } from '@ferry/contracts';
import { FerryConfig } from '../../core/config/ferry-config';
import { JobQueue } from '../../core/queue/job-queue';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { enqueueSyncRun } from '../sync/enqueue-sync-run';
import { SyncJobPayload } from '../sync/flow-runner';
import { nextRunAfter } from './schedule-timing';

interface DueRow {
  tenant_id: string;
  flow: Flow;
  interval_seconds: number | null;
  cron: string | null;
  next_run_at: Date;
}

const TICK_NAME = 'ferry-schedule-tick';
/** Schedules claimed per transaction; a busy tick simply runs again right away. */
const CLAIM_LIMIT = 1000;

/**
 * The scheduler's only timer. It claims due schedules with FOR UPDATE SKIP LOCKED (so any
 * number of worker processes tick without double-claiming), moves them to their next slot
 * and enqueues one job per tenant × flow in the same transaction. It never does sync work.
 */
@Injectable()
export class ScheduleTick implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScheduleTick.name);
  private ticking = false;

  constructor(
    private readonly config: FerryConfig,
    private readonly db: DbContextRunner,
    private readonly queue: JobQueue,
    private readonly timers: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.FERRY_ROLE === 'api' || this.config.SCHEDULER_TICK_MS === 0) return;
    this.timers.addInterval(TICK_NAME, setInterval(() => void this.tickUntilIdle(), this.config.SCHEDULER_TICK_MS));
  }

  /** Claims and enqueues due schedules until none are due; returns how many were enqueued. */
  async tickUntilIdle(): Promise<number> {
    if (this.ticking) return 0;
    this.ticking = true;
    let total = 0;
    try {
      for (;;) {
        const claimed = await this.tick(CLAIM_LIMIT);
        total += claimed;
        if (claimed < CLAIM_LIMIT) return total;
      }
    } catch (error) {
      this.logger.error({ err: error }, 'Schedule tick failed');
      return total;
    } finally {
      this.ticking = false;
    }
  }

  async tick(limit: number): Promise<number> {
    return this.db.run({ scheduler: true }, async (m) => {
      const due = (await m.query(
        `select tenant_id, flow, interval_seconds, cron, next_run_at from schedules
          where not paused and next_run_at <= now()
          order by next_run_at limit $1 for update skip locked`,
        [limit],
      )) as DueRow[];
      if (due.length === 0) return 0;
      const now = new Date();
      await m.query(
        `update schedules s set next_run_at = v.next_run_at, last_enqueued_at = now()
           from unnest($1::uuid[], $2::text[], $3::timestamptz[]) as v(tenant_id, flow, next_run_at)
          where s.tenant_id = v.tenant_id and s.flow = v.flow`,
        [
          due.map((r) => r.tenant_id),
          due.map((r) => r.flow),
          due.map((r) => nextRunAfter({ intervalSeconds: r.interval_seconds, cron: r.cron }, r.next_run_at, now).toISOString()),
        ],
      );
      for (const row of due) {
        const payload: SyncJobPayload = { tenantId: row.tenant_id, flow: row.flow, trigger: 'schedule', scheduledFor: row.next_run_at.toISOString() };
        await enqueueSyncRun(this.queue, payload, m);
      }
      return due.length;
    });
  }
}
