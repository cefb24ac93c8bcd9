import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { PG_BOSS_SCHEMA, QUEUE_DEFINITIONS } from './queue-definitions';

/**
 * Owner-time set-up of pg-boss: its schema and migrations, every queue of
 * QUEUE_DEFINITIONS, and data-only rights for the application role. Workers then run
 * pg-boss as the application role with `migrate: false`.
 */
export async function installQueueSchema(owner: Client, ownerUrl: string, appRole: string): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: PG_BOSS_SCHEMA, migrate: true, supervise: false, schedule: false, max: 2 });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    for (const queue of QUEUE_DEFINITIONS) {
      const options = {
        name: queue.name,
        policy: queue.policy,
        retryLimit: queue.retryLimit,
        retryDelay: queue.retryDelaySeconds,
        retryBackoff: queue.retryDelaySeconds > 0,
        expireInSeconds: queue.expireInSeconds,
        ...(queue.deadLetter ? { deadLetter: queue.deadLetter } : {}),
      };
      if (await boss.getQueue(queue.name)) await boss.updateQueue(queue.name, options);
      else await boss.createQueue(queue.name, options);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  const role = owner.escapeIdentifier(appRole);
  await owner.query(`grant usage on schema ${PG_BOSS_SCHEMA} to ${role}`);
  await owner.query(`grant select, insert, update, delete on all tables in schema ${PG_BOSS_SCHEMA} to ${role}`);
  await owner.query(`grant usage, select on all sequences in schema ${PG_BOSS_SCHEMA} to ${role}`);
  await owner.query(`grant execute on all functions in schema ${PG_BOSS_SCHEMA} to ${role}`);
}
