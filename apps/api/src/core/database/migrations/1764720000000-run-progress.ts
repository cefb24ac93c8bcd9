import { MigrationInterface, QueryRunner } from 'typeorm';

/** Progress of a long run (a backfill): records done so far and the share of the period covered. */
export class RunProgress1764720000000 implements MigrationInterface {
  name = 'RunProgress1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table sync_runs add column progress jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table sync_runs drop column progress`);
  }
}
