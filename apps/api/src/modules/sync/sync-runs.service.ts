import { EntityManager } from 'typeorm';
import { Injectable } from '@nestjs/common';
import { Flow, Page, RunProgress, RunSummary, RunThrottleCounts, RunTrigger } from '@ferry/contracts';
import { cursorAtSql, PageQueryDto, readPage } from '../../core/http/cursor-page';
import { problems } from '../../core/http/problem';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { FlowRunResult } from './flow-runner';

interface RunRow {
  id: string;
  flow: Flow;
  trigger: RunTrigger;
  status: RunSummary['status'];
  attempt: number;
  scheduled_for: Date | null;
  started_at: Date;
  finished_at: Date | null;
  counts: RunSummary['counts'];
  error: string | null;
  progress: RunSummary['progress'];
  cursorAt: string;
}

const RUN_COLUMNS = `id, flow, trigger, status, attempt, scheduled_for, started_at, finished_at, counts, error, progress, ${cursorAtSql('started_at')} as "cursorAt"`;

/** The `sync_runs` record of every run: started, then finished with counts or an error. */
@Injectable()
export class SyncRunsService {
  constructor(private readonly db: DbContextRunner) {}

  /**
   * Records a run as running, with a first lease of `leaseSeconds`, in one transaction with
   * `stillOurs` (the job's share lock): null, and nothing recorded, when the job was taken
   * over before this worker got to start it.
   */
  async start(
    tenantId: string,
    flow: Flow,
    trigger: RunTrigger,
    jobId: string,
    attempt: number,
    scheduledFor: string | null,
    leaseSeconds: number,
    stillOurs: (m: EntityManager) => Promise<boolean>,
  ): Promise<string | null> {
    return this.db.run({ tenantId }, async (m) => {
      if (!(await stillOurs(m))) return null;
      const rows = (await m.query(
        `insert into sync_runs (tenant_id, flow, trigger, status, job_id, attempt, scheduled_for, lease_expires_at)
         values ($1, $2, $3, 'running', $4, $5, $6, now() + make_interval(secs => $7)) returning id`,
        [tenantId, flow, trigger, jobId, attempt, scheduledFor, leaseSeconds],
      )) as Array<{ id: string }>;
      return rows[0].id;
    });
  }

  /**
   * `throttle`: how long the run waited on each upstream's rate limits (kept in counts.throttle).
   * This and `fail` change running runs only: a run taken over from a worker thought dead keeps its verdict.
   */
  async succeed(tenantId: string, runId: string, result: FlowRunResult, throttle: RunThrottleCounts | null = null): Promise<void> {
    const counts = throttle ? { ...result.counts, throttle } : result.counts;
    await this.db.run({ tenantId }, (m) =>
      m.query(
        `update sync_runs set status = 'succeeded', finished_at = now(), counts = $3::jsonb, cursor_before = $4, cursor_after = $5 where tenant_id = $1 and id = $2 and status = 'running'`,
        [tenantId, runId, JSON.stringify(counts), result.cursorBefore ?? null, result.cursorAfter ?? null],
      ),
    );
  }

  async progress(tenantId: string, runId: string, progress: RunProgress): Promise<void> {
    await this.db.run({ tenantId }, (m) =>
      m.query(`update sync_runs set progress = $3::jsonb where tenant_id = $1 and id = $2`, [tenantId, runId, JSON.stringify(progress)]),
    );
  }

  async fail(tenantId: string, runId: string, error: string, throttle: RunThrottleCounts | null = null): Promise<void> {
    await this.db.run({ tenantId }, (m) =>
      m.query(`update sync_runs set status = 'failed', finished_at = now(), error = $3, counts = counts || coalesce($4::jsonb, '{}') where tenant_id = $1 and id = $2 and status = 'running'`, [
        tenantId,
        runId,
        error.slice(0, 2000),
        throttle ? JSON.stringify({ throttle }) : null,
      ]),
    );
  }

  list(tenant: TenantContext, query: PageQueryDto, flow?: Flow): Promise<Page<RunSummary>> {
    return this.db.forTenant(tenant, (m) =>
      readPage<RunRow, RunSummary>(
        query,
        (after, take) =>
          m.query(
            `select ${RUN_COLUMNS} from sync_runs
              where tenant_id = $1 and ($2::text is null or flow = $2)
                and ($3::timestamptz is null or (started_at, id) < ($3::timestamptz, $4::uuid))
              order by started_at desc, id desc limit $5`,
            [tenant.tenantId, flow ?? null, after?.createdAt ?? null, after?.id ?? null, take],
          ),
        toRunSummary,
      ),
    );
  }

  async get(tenant: TenantContext, runId: string): Promise<RunSummary> {
    const rows = (await this.db.forTenant(tenant, (m) =>
      m.query(`select ${RUN_COLUMNS} from sync_runs where tenant_id = $1 and id = $2`, [tenant.tenantId, runId]),
    )) as RunRow[];
    if (!rows[0]) throw problems.notFound('Run');
    return toRunSummary(rows[0]);
  }
}

export function toRunSummary(row: Omit<RunRow, 'cursorAt'>): RunSummary {
  return {
    id: row.id,
    flow: row.flow,
    trigger: row.trigger,
    status: row.status,
    attempt: row.attempt,
    scheduledFor: row.scheduled_for?.toISOString() ?? null,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    durationMs: row.finished_at ? row.finished_at.getTime() - row.started_at.getTime() : null,
    counts: row.counts,
    error: row.error,
    progress: row.progress ?? null,
  };
}
