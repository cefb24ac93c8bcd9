import { Injectable } from '@nestjs/common';
import { ErrorCategory, Flow } from '@ferry/contracts';
import { EntityManager } from 'typeorm';


/** Transient failures are retried on their own; permanent ones wait for a person. */
const TRANSIENT: ReadonlySet<ErrorCategory> = new Set(['rate_limited', 'upstream_unavailable']);
/** A transient error that keeps coming back becomes a person's problem after this many tries. */
export const MAX_AUTOMATIC_ATTEMPTS = 5;

export interface RecordError {
  category: ErrorCategory;
  message: string;
  field?: string | null;
  details?: Record<string, unknown>;
}

/**
 * The error queue (DESIGN §3.1): one unsettled entry per record, updated while it keeps
 * failing and resolved when it succeeds. Writes happen in the run's own transaction.
 */
@Injectable()
export class ErrorQueue {
  async record(m: EntityManager, tenantId: string, flow: Flow, recordKey: string, error: RecordError): Promise<void> {
    const transient = TRANSIENT.has(error.category);
    await m.query(
      `insert into record_errors (tenant_id, flow, record_key, category, message, field, details, state, next_retry_at)
       values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, case when $8 = 'retrying' then now() + interval '1 minute' end)
       on conflict (tenant_id, flow, record_key) where state in ('open', 'retrying') do update set
         category = excluded.category, message = excluded.message, field = excluded.field, details = excluded.details,
         attempts = record_errors.attempts + 1, last_seen_at = now(),
         state = case when excluded.state = 'retrying' and record_errors.attempts + 1 < $9 then 'retrying' else 'open' end,
         next_retry_at = case when excluded.state = 'retrying' and record_errors.attempts + 1 < $9
           then now() + make_interval(mins => least(60, power(2, record_errors.attempts)::int)) end`,
      [tenantId, flow, recordKey, error.category, error.message.slice(0, 4000), error.field ?? null, JSON.stringify(error.details ?? {}), transient ? 'retrying' : 'open', MAX_AUTOMATIC_ATTEMPTS],
    );
  }

  /** Records of a flow whose errors are due for a retry (asked by a person, or automatic). */
  async dueForRetry(m: EntityManager, tenantId: string, flow: Flow, limit: number): Promise<string[]> {
    const rows = (await m.query(
      `select record_key from record_errors where tenant_id = $1 and flow = $2 and state = 'retrying' and next_retry_at <= now() order by next_retry_at limit $3`,
      [tenantId, flow, limit],
    )) as Array<{ record_key: string }>;
    return rows.map((r) => r.record_key);
  }

  /** A person asked to retry these open errors now: the flow's next run re-maps their records. Returns the ids changed. */
  async retryNow(m: EntityManager, tenantId: string, flow: Flow, errorIds: readonly string[]): Promise<string[]> {
    // A select around the update: its rows come back as rows (TypeORM wraps a bare UPDATE's).
    const changed = (await m.query(
      `with changed as (update record_errors set state = 'retrying', next_retry_at = now()
         where tenant_id = $1 and flow = $2 and id = any($3::uuid[]) and state = 'open' returning id) select id from changed`,
      [tenantId, flow, [...errorIds]],
    )) as Array<{ id: string }>;
    return changed.map((r) => r.id);
  }

  /** The record went through: its unsettled error (if any) is resolved. */
  async resolve(m: EntityManager, tenantId: string, flow: Flow, recordKey: string): Promise<void> {
    await m.query(
      `update record_errors set state = 'resolved', resolved_at = now() where tenant_id = $1 and flow = $2 and record_key = $3 and state in ('open', 'retrying')`,
      [tenantId, flow, recordKey],
    );
  }
}
