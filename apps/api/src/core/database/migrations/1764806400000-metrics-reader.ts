import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The metrics endpoint reads aggregates across tenants: `app.metrics = 'on'` lets it select
 * (never write) the tables it counts. Only the metrics service sets it.
 */
export class MetricsReader1764806400000 implements MigrationInterface {
  name = 'MetricsReader1764806400000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['sync_runs', 'record_errors', 'schedules']) {
      await q.query(`create policy metrics_reader on ${table} for select using (ferry_setting('app.metrics') = 'on')`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['sync_runs', 'record_errors', 'schedules']) await q.query(`drop policy metrics_reader on ${table}`);
  }
}
