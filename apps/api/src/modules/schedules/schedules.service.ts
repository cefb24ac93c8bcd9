import { Injectable } from '@nestjs/common';
import { Flow, RunNowResponse, RunTrigger, ScheduleSummary } from '@ferry/contracts';
import { EntityManager } from 'typeorm';
import { recordAudit } from '../../core/audit/audit-log';
import { problems } from '../../core/http/problem';
import { JobQueue } from '../../core/queue/job-queue';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { enqueueSyncRun } from '../sync/enqueue-sync-run';
import { SyncJobPayload } from '../sync/flow-runner';
import { toRunSummary } from '../sync/sync-runs.service';
import { UpdateScheduleDto } from './dto/update-schedule.dto';
import { checkCron, nextRunAfter } from './schedule-timing';

interface ScheduleRow {
  flow: Flow;
  interval_seconds: number | null;
  cron: string | null;
  paused: boolean;
  next_run_at: Date;
  last_enqueued_at: Date | null;
}

@Injectable()
export class SchedulesService {
  constructor(
    private readonly db: DbContextRunner,
    private readonly queue: JobQueue,
  ) {}

  list(tenant: TenantContext): Promise<ScheduleSummary[]> {
    return this.db.forTenant(tenant, async (m) => {
      const rows = (await m.query(`select * from schedules where tenant_id = $1 order by array_position(array['orders','shipments','inventory'], flow)`, [
        tenant.tenantId,
      ])) as ScheduleRow[];
      return Promise.all(rows.map((row) => this.toSummary(m, tenant.tenantId, row)));
    });
  }

  async update(tenant: TenantContext, flow: Flow, change: UpdateScheduleDto): Promise<ScheduleSummary> {
    if (change.intervalMinutes !== undefined && change.cron !== undefined) {
      throw problems.badRequest('give either intervalMinutes or cron, not both', 'cron');
    }
    if (change.cron !== undefined) {
      const reason = checkCron(change.cron);
      if (reason) throw problems.badRequest(reason, 'cron');
    }
    if (change.intervalMinutes === undefined && change.cron === undefined && change.paused === undefined) {
      throw problems.badRequest('give intervalMinutes, cron or paused', 'intervalMinutes');
    }
    return this.db.forTenant(tenant, async (m) => {
      const current = await this.lock(m, tenant.tenantId, flow);
      const timingChanged = change.intervalMinutes !== undefined || change.cron !== undefined;
      const timing = timingChanged
        ? { intervalSeconds: change.intervalMinutes !== undefined ? change.intervalMinutes * 60 : null, cron: change.cron ?? null }
        : { intervalSeconds: current.interval_seconds, cron: current.cron };
      const now = new Date();
      // A new timing starts counting from now; resuming keeps the next slot if it is still ahead.
      const nextRunAt = timingChanged ? nextRunAfter(timing, now, now) : current.next_run_at;
      const [rows] = (await m.query(
        `update schedules set interval_seconds = $3, cron = $4, paused = $5, next_run_at = $6, updated_at = now()
          where tenant_id = $1 and flow = $2 returning *`,
        [tenant.tenantId, flow, timing.intervalSeconds, timing.cron, change.paused ?? current.paused, nextRunAt],
      )) as [ScheduleRow[], number];
      await recordAudit(m, tenant, { action: 'schedule.updated', targetType: 'schedule', targetId: flow, details: { ...change } });
      return this.toSummary(m, tenant.tenantId, rows[0]);
    });
  }

  /** Enqueues a run now (even when paused: a person asked for it). */
  async runNow(tenant: TenantContext, flow: Flow, trigger: RunTrigger = 'manual'): Promise<RunNowResponse> {
    return this.db.forTenant(tenant, async (m) => {
      await this.lock(m, tenant.tenantId, flow);
      const payload: SyncJobPayload = { tenantId: tenant.tenantId, flow, trigger };
      const jobId = await enqueueSyncRun(this.queue, payload, m);
      await recordAudit(m, tenant, { action: 'schedule.run_now', targetType: 'schedule', targetId: flow, details: { queued: jobId !== null } });
      return { queued: jobId !== null };
    });
  }

  /** Reads every order updated since `since` again, as one queued orders run with progress. */
  async backfill(tenant: TenantContext, flow: Flow, since: string): Promise<RunNowResponse> {
    if (flow !== 'orders') throw problems.badRequest('a backfill is available for the orders flow (shipments and inventory reconcile on their own)', 'flow');
    const start = Date.parse(since);
    if (start >= Date.now()) throw problems.validation([{ field: 'since', message: 'must be in the past' }]);
    return this.db.forTenant(tenant, async (m) => {
      await this.lock(m, tenant.tenantId, flow);
      const payload: SyncJobPayload = { tenantId: tenant.tenantId, flow, trigger: 'backfill', since: new Date(start).toISOString() };
      const jobId = await enqueueSyncRun(this.queue, payload, m);
      // One waiting run per tenant × flow: a backfill cannot queue behind another waiting run.
      if (!jobId) throw problems.conflict('A run of this flow is already waiting to start; start the backfill when it has begun.');
      await recordAudit(m, tenant, { action: 'schedule.backfill', targetType: 'schedule', targetId: flow, details: { since: payload.since } });
      return { queued: true };
    });
  }

  private async lock(m: EntityManager, tenantId: string, flow: Flow): Promise<ScheduleRow> {
    const rows = (await m.query('select * from schedules where tenant_id = $1 and flow = $2 for update', [tenantId, flow])) as ScheduleRow[];
    if (!rows[0]) throw problems.notFound('Schedule');
    return rows[0];
  }

  private async toSummary(m: EntityManager, tenantId: string, row: ScheduleRow): Promise<ScheduleSummary> {
    const runs = await m.query(
      `select id, flow, trigger, status, attempt, scheduled_for, started_at, finished_at, counts, error, progress
         from sync_runs where tenant_id = $1 and flow = $2 order by started_at desc limit 1`,
      [tenantId, row.flow],
    );
    return {
      flow: row.flow,
      intervalMinutes: row.interval_seconds === null ? null : row.interval_seconds / 60,
      cron: row.cron,
      paused: row.paused,
      nextRunAt: row.next_run_at.toISOString(),
      lastEnqueuedAt: row.last_enqueued_at?.toISOString() ?? null,
      lastRun: runs[0] ? toRunSummary(runs[0]) : null,
    };
  }
}
