import { Injectable } from '@nestjs/common';
import { UPSTREAMS } from '@ferry/contracts';
import { JobQueue } from '../../core/queue/job-queue';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';

interface Sample {
  labels: Record<string, string>;
  value: number;
}

interface Metric {
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  samples: Sample[];
}

/**
 * Prometheus metrics of the sync engine, aggregated over every tenant (no tenant ids):
 * runs and records by outcome, open errors, queue depth, schedule lag, upstream throttling.
 */
@Injectable()
export class MetricsService {
  constructor(
    private readonly db: DbContextRunner,
    private readonly queue: JobQueue,
  ) {}

  async exposition(): Promise<string> {
    const metrics = await this.db.run({ metrics: true }, async (m) => {
      const runs = (await m.query(`select flow, status, count(*)::int as n from sync_runs group by 1, 2`)) as Array<{ flow: string; status: string; n: number }>;
      const records = (await m.query(
        `select flow, key as outcome, sum((value #>> '{}')::numeric)::bigint as n from sync_runs, jsonb_each(counts)
          where started_at > now() - interval '24 hours' and jsonb_typeof(value) = 'number' group by 1, 2`,
      )) as Array<{ flow: string; outcome: string; n: string }>;
      const errors = (await m.query(`select flow, category, count(*)::int as n from record_errors where state in ('open', 'retrying') group by 1, 2`)) as Array<{
        flow: string;
        category: string;
        n: number;
      }>;
      // Each run stores its upstream waits in counts.throttle (RunThrottleTally); the counters sum every run kept.
      const throttle = (await m.query(
        `select side.key as upstream, sum((side.value ->> 'throttledMs')::numeric) / 1000 as seconds,
                sum((side.value ->> 'throttleEvents')::numeric)::bigint as waits, sum((side.value ->> 'throttledAnswers')::numeric)::bigint as answers
           from sync_runs, jsonb_each(case when jsonb_typeof(counts -> 'throttle') = 'object' then counts -> 'throttle' else '{}' end) side
          group by 1`,
      )) as Array<{ upstream: string; seconds: string; waits: string; answers: string }>;
      const throttleOf = (upstream: string) => throttle.find((t) => t.upstream === upstream);
      const lag = (await m.query(
        `select count(*)::int as due, coalesce(max(extract(epoch from now() - next_run_at)), 0)::float as lag from schedules where not paused and next_run_at <= now()`,
      )) as Array<{ due: number; lag: number }>;
      const list: Metric[] = [
        { name: 'ferry_sync_runs_total', help: 'Sync runs by flow and status', type: 'counter', samples: runs.map((r) => ({ labels: { flow: r.flow, status: r.status }, value: r.n })) },
        {
          name: 'ferry_sync_records_24h',
          help: 'Records of runs started in the last 24 hours, by flow and outcome',
          type: 'gauge',
          samples: records.map((r) => ({ labels: { flow: r.flow, outcome: r.outcome }, value: Number(r.n) })),
        },
        { name: 'ferry_open_errors', help: 'Unsettled records in the error queue', type: 'gauge', samples: errors.map((e) => ({ labels: { flow: e.flow, category: e.category }, value: e.n })) },
        {
          name: 'ferry_upstream_throttle_seconds_total',
          help: 'Seconds sync runs waited on an upstream rate limit (cost bucket, call budget, throttled answers)',
          type: 'counter',
          samples: UPSTREAMS.map((upstream) => ({ labels: { upstream }, value: Number(throttleOf(upstream)?.seconds ?? 0) })),
        },
        {
          name: 'ferry_upstream_throttled_total',
          help: 'Throttled answers (Shopify THROTTLED, HTTP 429) sync runs received from an upstream',
          type: 'counter',
          samples: UPSTREAMS.map((upstream) => ({ labels: { upstream }, value: Number(throttleOf(upstream)?.answers ?? 0) })),
        },
        {
          name: 'ferry_upstream_throttle_waits_total',
          help: 'Times a sync run request waited on an upstream rate limit',
          type: 'counter',
          samples: UPSTREAMS.map((upstream) => ({ labels: { upstream }, value: Number(throttleOf(upstream)?.waits ?? 0) })),
        },
        { name: 'ferry_schedules_due', help: 'Schedules due and not yet claimed', type: 'gauge', samples: [{ labels: {}, value: lag[0].due }] },
        { name: 'ferry_schedule_lag_seconds', help: 'How late the most overdue schedule is', type: 'gauge', samples: [{ labels: {}, value: lag[0].lag }] },
      ];
      return list;
    });
    const depth = await this.queue.depth();
    metrics.push({ name: 'ferry_queue_depth', help: 'Jobs waiting per queue', type: 'gauge', samples: Object.entries(depth).map(([queue, n]) => ({ labels: { queue }, value: n })) });
    return render(metrics);
  }
}

function render(metrics: Metric[]): string {
  return metrics
    .map((metric) => {
      const lines = [`# HELP ${metric.name} ${metric.help}`, `# TYPE ${metric.name} ${metric.type}`];
      for (const sample of metric.samples) {
        const labels = Object.entries(sample.labels).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
        lines.push(`${metric.name}${labels.length ? `{${labels.join(',')}}` : ''} ${sample.value}`);
      }
      return lines.join('\n');
    })
    .join('\n')
    .concat('\n');
}
