import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { roleOf } from './database-endpoints';
import { installQueueSchema } from '../queue/install-queue-schema';
import { MIGRATIONS } from './migrations';

const MIGRATIONS_TABLE = 'migrations';
/** Any number of processes may start at once: one migrates, the others wait. */
const MIGRATION_LOCK = 'ferry:migrations';

/**
 * Runs pending migrations as the owner role, then makes sure the application role exists
 * with exactly the rights it needs: data access on Ferry's tables, no ownership, no
 * BYPASSRLS, nothing on the migrations table.
 */
export async function migrateDatabase(ownerUrl: string, appUrl: string): Promise<string[]> {
  const lock = new Client({ connectionString: ownerUrl });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    const dataSource = new DataSource({
      type: 'postgres',
      url: ownerUrl,
      migrations: MIGRATIONS,
      migrationsTableName: MIGRATIONS_TABLE,
      logging: false,
    });
    await dataSource.initialize();
    try {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      await grantApplicationRole(lock, appUrl);
      await installQueueSchema(lock, ownerUrl, roleOf(appUrl).user);
      return ran.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.query('select pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}

async function grantApplicationRole(owner: Client, appUrl: string): Promise<void> {
  const { user, password, database } = roleOf(appUrl);
  const role = owner.escapeIdentifier(user);
  const exists = await owner.query('select 1 from pg_roles where rolname = $1', [user]);
  if (exists.rowCount === 0) {
    await owner.query(`create role ${role} login password ${owner.escapeLiteral(password)}`);
  }
  const attributes = await owner.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
    'select rolsuper, rolbypassrls from pg_roles where rolname = $1',
    [user],
  );
  const { rolsuper, rolbypassrls } = attributes.rows[0];
  if (rolsuper || rolbypassrls) {
    // Row-level security would not apply to it: refuse rather than run unprotected.
    throw new Error(`The application role "${user}" is SUPERUSER or BYPASSRLS; give Ferry a role without either (DATABASE_APP_URL).`);
  }
  const owned = await owner.query(
    `select count(*)::int as n from pg_class c join pg_roles r on r.oid = c.relowner
      where r.rolname = $1 and c.relnamespace = 'public'::regnamespace`,
    [user],
  );
  if (owned.rows[0].n > 0) {
    throw new Error(`The application role "${user}" owns tables in the public schema; it must own none (DATABASE_APP_URL).`);
  }
  await owner.query(`grant connect on database ${owner.escapeIdentifier(database)} to ${role}`);
  await owner.query(`grant usage on schema public to ${role}`);
  await owner.query(`grant select, insert, update, delete on all tables in schema public to ${role}`);
  await owner.query(`grant usage, select on all sequences in schema public to ${role}`);
  await owner.query(`revoke all on table ${owner.escapeIdentifier(MIGRATIONS_TABLE)} from ${role}`);
}
