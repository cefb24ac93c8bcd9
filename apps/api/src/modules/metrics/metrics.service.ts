import { Injectable } from '@nestjs/common';
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
 * runs and records by outcome, open errors, queue depth, schedule lag.
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
        `select flow, key as outcome, sum((value)::numeric)::bigint as n from sync_runs, jsonb_each_text(counts)
          where started_at > now() - interval '24 hours' group by 1, 2`,
      )) as Array<{ flow: string; outcome: string; n: string }>;
      const errors = (await m.query(`select flow, category, count(*)::int as n from record_errors where state in ('open', 'retrying') group by 1, 2`)) as Array<{
        flow: string;
        category: string;
        n: number;
      }>;
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
