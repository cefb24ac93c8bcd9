import { Injectable } from '@nestjs/common';
import { Dashboard, DashboardHour, ERROR_CATEGORIES, ErrorCategory, PASS_THROUGH_STATUSES, PassThroughStatus, ThrottleTotals, Upstream, UPSTREAMS } from '@ferry/contracts';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';

interface HourRow {
  hour: Date;
  synced: number;
  failed: number;
  p50: number | null;
  p95: number | null;
  throttle: Partial<Record<Upstream, { ms: number; events: number; answers: number }>>;
}

/** Seconds from Shopify's created_at to the ERP's import, of imported orders (negative clock skew counts as 0). */
const LATENCY_SECONDS = `greatest(0, extract(epoch from imported_at - shopify_created_at))`;

/** counts.throttle of a run as rows (upstream, value), none when the run did not wait. */
const THROTTLE_SIDES = `jsonb_each(case when jsonb_typeof(r.counts -> 'throttle') = 'object' then r.counts -> 'throttle' else '{}'::jsonb end)`;

/**
 * Hour buckets (UTC) of the last N hours, each aggregated in SQL from the ledgers and runs:
 * an order counts as synced in the hour it reached CIMcloud (sent_at, now sent or imported),
 * as failed in the hour it was last updated, and its latency in the hour it was imported.
 */
const HOURS_SQL = `
  with hours as (
    select generate_series($2::timestamptz, $3::timestamptz - interval '1 hour', interval '1 hour') as hour
  ), synced as (
    select date_trunc('hour', sent_at, 'UTC') as hour, count(*)::int as n from pass_through_orders
     where tenant_id = $1 and status in ('sent', 'imported') and sent_at >= $2 group by 1
  ), failed as (
    select date_trunc('hour', updated_at, 'UTC') as hour, count(*)::int as n from pass_through_orders
     where tenant_id = $1 and status in ('failed', 'import_failed') and updated_at >= $2 group by 1
  ), latency as (
    select date_trunc('hour', imported_at, 'UTC') as hour,
           percentile_cont(0.5) within group (order by ${LATENCY_SECONDS}) as p50,
           percentile_cont(0.95) within group (order by ${LATENCY_SECONDS}) as p95
      from pass_through_orders where tenant_id = $1 and status = 'imported' and imported_at >= $2 group by 1
  ), throttle as (
    select date_trunc('hour', r.started_at, 'UTC') as hour, side.key as upstream,
           sum((side.value ->> 'throttledMs')::numeric) as ms, sum((side.value ->> 'throttleEvents')::numeric) as events,
           sum((side.value ->> 'throttledAnswers')::numeric) as answers
      from sync_runs r cross join lateral ${THROTTLE_SIDES} side
     where r.tenant_id = $1 and r.started_at >= $2 group by 1, 2
  )
  select h.hour, coalesce(s.n, 0) as synced, coalesce(f.n, 0) as failed, l.p50, l.p95,
         coalesce((select jsonb_object_agg(t.upstream, jsonb_build_object('ms', t.ms, 'events', t.events, 'answers', t.answers))
                     from throttle t where t.hour = h.hour), '{}'::jsonb) as throttle
    from hours h
    left join synced s on s.hour = h.hour
    left join failed f on f.hour = h.hour
    left join latency l on l.hour = h.hour
   order by h.hour`;

/** The sync's health for the dashboard: per hour, open errors by category, totals. Tenant-scoped. */
@Injectable()
export class DashboardService {
  constructor(private readonly db: DbContextRunner) {}

  read(tenant: TenantContext, hours: number): Promise<Dashboard> {
    return this.db.forTenant(tenant, async (m) => {
      const [window] = (await m.query(
        `select date_trunc('hour', now(), 'UTC') - ($1::int - 1) * interval '1 hour' as start, date_trunc('hour', now(), 'UTC') + interval '1 hour' as end`,
        [hours],
      )) as Array<{ start: Date; end: Date }>;
      const params = [tenant.tenantId, window.start, window.end];
      const rows = (await m.query(HOURS_SQL, params)) as HourRow[];
      const [latency] = (await m.query(
        `select percentile_cont(0.5) within group (order by ${LATENCY_SECONDS}) as p50, percentile_cont(0.95) within group (order by ${LATENCY_SECONDS}) as p95
           from pass_through_orders where tenant_id = $1 and status = 'imported' and imported_at >= $2`,
        [tenant.tenantId, window.start],
      )) as Array<{ p50: number | null; p95: number | null }>;
      const errors = (await m.query(
        `select category, count(*)::int as n from record_errors where tenant_id = $1 and state in ('open', 'retrying') group by 1 order by 2 desc, 1`,
        [tenant.tenantId],
      )) as Array<{ category: ErrorCategory; n: number }>;
      const statuses = (await m.query(`select status, count(*)::int as n from pass_through_orders where tenant_id = $1 group by 1`, [tenant.tenantId])) as Array<{
        status: PassThroughStatus;
        n: number;
      }>;

      const buckets = rows.map(toHour);
      const ordersSynced = sum(buckets.map((b) => b.ordersSynced));
      const ordersFailed = sum(buckets.map((b) => b.ordersFailed));
      const openErrors = errors.filter((e) => ERROR_CATEGORIES.includes(e.category)).map((e) => ({ category: e.category, count: e.n }));
      return {
        hours,
        from: window.start.toISOString(),
        to: window.end.toISOString(),
        buckets,
        openErrors,
        totals: {
          ordersSynced,
          ordersFailed,
          errorRate: rate(ordersFailed, ordersSynced),
          latencyP50Seconds: seconds(latency.p50),
          latencyP95Seconds: seconds(latency.p95),
          openErrors: sum(openErrors.map((e) => e.count)),
          throttle: perUpstream((upstream) => ({
            seconds: round(sum(buckets.map((b) => b.throttle[upstream].seconds))),
            events: sum(buckets.map((b) => b.throttle[upstream].events)),
            throttledAnswers: sum(buckets.map((b) => b.throttle[upstream].throttledAnswers)),
          })),
          ordersByStatus: Object.fromEntries(PASS_THROUGH_STATUSES.map((status) => [status, statuses.find((s) => s.status === status)?.n ?? 0])) as Record<PassThroughStatus, number>,
        },
      };
    });
  }
}

function toHour(row: HourRow): DashboardHour {
  return {
    hour: row.hour.toISOString(),
    ordersSynced: row.synced,
    ordersFailed: row.failed,
    errorRate: rate(row.failed, row.synced),
    latencyP50Seconds: seconds(row.p50),
    latencyP95Seconds: seconds(row.p95),
    throttle: perUpstream((upstream) => {
      const side = row.throttle[upstream];
      return { seconds: round(Number(side?.ms ?? 0) / 1000), events: Number(side?.events ?? 0), throttledAnswers: Number(side?.answers ?? 0) };
    }),
  };
}

function perUpstream(of: (upstream: Upstream) => ThrottleTotals): Record<Upstream, ThrottleTotals> {
  return Object.fromEntries(UPSTREAMS.map((upstream) => [upstream, of(upstream)])) as Record<Upstream, ThrottleTotals>;
}

/** Share of failed among the orders that settled either way; null when none did. */
function rate(failed: number, synced: number): number | null {
  return failed + synced === 0 ? null : round(failed / (failed + synced), 4);
}

function seconds(value: number | string | null): number | null {
  return value === null ? null : round(Number(value));
}

function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
