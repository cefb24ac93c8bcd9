import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A running sync run holds a lease that its worker renews; when the lease lapses (the worker
 * was killed or lost the database), another worker takes the run's job over (run-takeover.ts).
 */
export class RunLeases1765065600000 implements MigrationInterface {
  name = 'RunLeases1765065600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table sync_runs add column lease_expires_at timestamptz`);
    await q.query(`create index sync_runs_running_job on sync_runs (tenant_id, job_id) where status = 'running'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index sync_runs_running_job`);
    await q.query(`alter table sync_runs drop column lease_expires_at`);
  }
}
