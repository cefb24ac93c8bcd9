import { Injectable } from '@nestjs/common';
import { BulkErrorActionRequest, BulkErrorActionResponse, ErrorCategory, ErrorState, Flow, Page, RecordErrorSummary } from '@ferry/contracts';
import { EntityManager } from 'typeorm';
import { recordAudit } from '../../core/audit/audit-log';
import { cursorAtSql, PageQueryDto, readPage } from '../../core/http/cursor-page';
import { problems } from '../../core/http/problem';
import { JobQueue } from '../../core/queue/job-queue';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { enqueueSyncRun } from '../sync/enqueue-sync-run';
import { SyncJobPayload } from '../sync/flow-runner';

interface ErrorRow {
  id: string;
  flow: Flow;
  record_key: string;
  category: ErrorCategory;
  message: string;
  field: string | null;
  state: ErrorState;
  attempts: number;
  first_seen_at: Date;
  last_seen_at: Date;
  next_retry_at: Date | null;
  cursorAt: string;
}

export interface ErrorFilter {
  state?: ErrorState;
  flow?: Flow;
  category?: ErrorCategory;
}

const COLUMNS = `id, flow, record_key, category, message, field, state, attempts, first_seen_at, last_seen_at, next_retry_at, ${cursorAtSql('last_seen_at')} as "cursorAt"`;

/**
 * The error queue as people work it: list, retry (with the current mapping and defaults:
 * the flow's next run re-maps the stored source record) and skip — one, or all matching a filter.
 */
@Injectable()
export class RecordErrorsService {
  constructor(
    private readonly db: DbContextRunner,
    private readonly queue: JobQueue,
  ) {}

  list(tenant: TenantContext, filter: ErrorFilter, page: PageQueryDto): Promise<Page<RecordErrorSummary>> {
    return this.db.forTenant(tenant, (m) =>
      readPage<ErrorRow, RecordErrorSummary>(
        page,
        (after, take) =>
          m.query(
            `select ${COLUMNS} from record_errors
              where tenant_id = $1 and ($2::text is null or state = $2) and ($3::text is null or flow = $3) and ($4::text is null or category = $4)
                and ($5::timestamptz is null or (last_seen_at, id) < ($5::timestamptz, $6::uuid))
              order by last_seen_at desc, id desc limit $7`,
            [tenant.tenantId, filter.state ?? null, filter.flow ?? null, filter.category ?? null, after?.createdAt ?? null, after?.id ?? null, take],
          ),
        toSummary,
      ),
    );
  }

  async retry(tenant: TenantContext, errorId: string): Promise<RecordErrorSummary> {
    const row = await this.db.forTenant(tenant, async (m) => {
      const error = await this.lockUnsettled(m, tenant.tenantId, errorId);
      await this.markRetrying(m, tenant, [error]);
      return this.one(m, tenant.tenantId, errorId);
    });
    await this.enqueueRuns(tenant, [row.flow]);
    return row;
  }

  async skip(tenant: TenantContext, errorId: string): Promise<RecordErrorSummary> {
    return this.db.forTenant(tenant, async (m) => {
      const error = await this.lockUnsettled(m, tenant.tenantId, errorId);
      await this.markSkipped(m, tenant, [error]);
      return this.one(m, tenant.tenantId, errorId);
    });
  }

  async bulk(tenant: TenantContext, action: 'retry' | 'skip', request: BulkErrorActionRequest): Promise<BulkErrorActionResponse> {
    const result = await this.db.forTenant(tenant, async (m) => {
      const matching = (await m.query(
        `select id, flow, record_key, category from record_errors
          where tenant_id = $1 and state = 'open' and ($2::text is null or flow = $2) and ($3::text is null or category = $3) for update`,
        [tenant.tenantId, request.flow ?? null, request.category ?? null],
      )) as Array<Pick<ErrorRow, 'id' | 'flow' | 'record_key' | 'category'>>;
      if (request.dryRun || matching.length === 0) return { matched: matching.length, changed: 0, flows: [] as Flow[] };
      if (action === 'retry') await this.markRetrying(m, tenant, matching);
      else await this.markSkipped(m, tenant, matching);
      return { matched: matching.length, changed: matching.length, flows: [...new Set(matching.map((e) => e.flow))] };
    });
    if (action === 'retry') await this.enqueueRuns(tenant, result.flows);
    return { matched: result.matched, changed: result.changed };
  }

  private async lockUnsettled(m: EntityManager, tenantId: string, errorId: string): Promise<Pick<ErrorRow, 'id' | 'flow' | 'record_key' | 'category' | 'state'>> {
    const rows = (await m.query('select id, flow, record_key, category, state from record_errors where tenant_id = $1 and id = $2 for update', [tenantId, errorId])) as Array<
      Pick<ErrorRow, 'id' | 'flow' | 'record_key' | 'category' | 'state'>
    >;
    if (!rows[0]) throw problems.notFound('Error');
    if (rows[0].state === 'resolved' || rows[0].state === 'skipped') throw problems.conflict(`This error is already ${rows[0].state}.`);
    return rows[0];
  }

  private async markRetrying(m: EntityManager, tenant: TenantContext, errors: Array<Pick<ErrorRow, 'id' | 'flow' | 'record_key'>>): Promise<void> {
    await m.query(`update record_errors set state = 'retrying', next_retry_at = now() where tenant_id = $1 and id = any($2::uuid[])`, [
      tenant.tenantId,
      errors.map((e) => e.id),
    ]);
    await recordAudit(m, tenant, { action: 'errors.retried', targetType: 'record_error', targetId: errors.length === 1 ? errors[0].id : null, details: { count: errors.length } });
  }

  private async markSkipped(m: EntityManager, tenant: TenantContext, errors: Array<Pick<ErrorRow, 'id' | 'flow' | 'record_key' | 'category'>>): Promise<void> {
    await m.query(`update record_errors set state = 'skipped', resolved_at = now(), next_retry_at = null where tenant_id = $1 and id = any($2::uuid[])`, [
      tenant.tenantId,
      errors.map((e) => e.id),
    ]);
    const orderKeys = errors.filter((e) => e.flow === 'orders').map((e) => e.record_key);
    if (orderKeys.length) {
      // The order stays visible in the ledger, marked as skipped on purpose.
      await m.query(
        `update pass_through_orders set status = 'skipped', skip_reason = 'skipped by a person after an error', updated_at = now()
          where tenant_id = $1 and shopify_order_id = any($2::text[]) and status in ('failed', 'import_failed', 'mapped')`,
        [tenant.tenantId, orderKeys],
      );
    }
    await recordAudit(m, tenant, { action: 'errors.skipped', targetType: 'record_error', targetId: errors.length === 1 ? errors[0].id : null, details: { count: errors.length } });
  }

  private async enqueueRuns(tenant: TenantContext, flows: Flow[]): Promise<void> {
    for (const flow of flows) {
      const payload: SyncJobPayload = { tenantId: tenant.tenantId, flow, trigger: 'retry' };
      await enqueueSyncRun(this.queue, payload);
    }
  }

  private async one(m: EntityManager, tenantId: string, errorId: string): Promise<RecordErrorSummary> {
    const rows = (await m.query(`select ${COLUMNS} from record_errors where tenant_id = $1 and id = $2`, [tenantId, errorId])) as ErrorRow[];
    return toSummary(rows[0]);
  }
}

export function toSummary(row: Omit<ErrorRow, 'cursorAt'>): RecordErrorSummary {
  return {
    id: row.id,
    flow: row.flow,
    recordKey: row.record_key,
    category: row.category,
    message: row.message,
    field: row.field,
    state: row.state,
    attempts: row.attempts,
    firstSeenAt: row.first_seen_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    nextRetryAt: row.next_retry_at?.toISOString() ?? null,
  };
}
