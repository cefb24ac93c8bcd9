import { Client } from 'pg';
import { roleOf } from './database-endpoints';
import { startTestApp, TestApp } from '../../testing/test-app';
import { dbContextParameters, SET_DB_CONTEXT_SQL } from '../tenancy/db-context';

/** The acceptance checks of the tenancy design, at the database level, as the application role. */
describe('row-level security (real PostgreSQL, application role)', () => {
  let t: TestApp;
  let app: Client;
  let tenantA: string;
  let tenantB: string;
  let tables: string[];

  beforeAll(async () => {
    t = await startTestApp();
    tenantA = await t.seedTenant('A');
    tenantB = await t.seedTenant('B');
    const alice = await t.seedUser('alice@a.test', 'password-alice', { memberOf: [[tenantA, 'tenant_admin']] });
    await t.seedUser('bob@b.test', 'password-bob', { memberOf: [[tenantB, 'tenant_admin']] });
    for (const tenant of [tenantA, tenantB]) {
      await t.owner.query(`insert into api_keys (tenant_id, name, prefix, secret_hash, scopes) values ($1, 'k', $2, '\\x00', '{users:read}')`, [
        tenant,
        tenant.slice(0, 12).replace(/-/g, '0'),
      ]);
      await t.owner.query(`insert into audit_log (tenant_id, action, target_type) values ($1, 'test', 'test')`, [tenant]);
      await t.owner.query(`insert into connections (tenant_id, kind, config, secret_key_version, secret_ciphertext) values ($1, 'shopify', '{}', 1, '\\x00')`, [tenant]);
      await t.owner.query(`insert into order_settings (tenant_id, defaults) values ($1, '{}')`, [tenant]);
      await t.owner.query(`insert into erp_list_entries (tenant_id, kind, code) values ($1, 'warehouses', '000')`, [tenant]);
      await t.owner.query(`insert into erp_list_refreshes (tenant_id, kind, entry_count, refreshed_at) values ($1, 'warehouses', 1, now())`, [tenant]);
      await t.owner.query(`insert into location_links (tenant_id, location_id, location_name) values ($1, 'gid://shopify/Location/1', 'Main')`, [tenant]);
      await t.owner.query(`insert into lookup_rows (tenant_id, table_id, key, value) select $1, id, 'Standard', 'UPS GROUND' from lookup_tables where tenant_id = $1 and name = 'ship_via'`, [tenant]);
      const version = await t.owner.query<{ id: string }>(
        `insert into mapping_versions (tenant_id, flow, version, content_hash, definition) values ($1, 'orders', 1, 'sha256:x', '{}') returning id`,
        [tenant],
      );
      await t.owner.query(`insert into mappings (tenant_id, flow, published_version_id) values ($1, 'orders', $2)`, [tenant, version.rows[0].id]);
      await t.owner.query(`insert into mapping_drafts (tenant_id, flow, definition, base_version, revision) values ($1, 'orders', '{}', 1, 1)`, [tenant]);
      await t.owner.query(`insert into checkpoints (tenant_id, flow, cursor) values ($1, 'orders', '{}')`, [tenant]);
      await t.owner.query(
        `insert into pass_through_orders (tenant_id, shopify_order_id, shopify_order_name, shopify_created_at, shopify_updated_at, status, source_payload)
         values ($1, 'gid://shopify/Order/1', '#1001', now(), now(), 'mapped', '{}')`,
        [tenant],
      );
      await t.owner.query(`insert into pass_through_order_skus (tenant_id, sku, order_id) select $1, 'WIDGET-100', id from pass_through_orders where tenant_id = $1`, [tenant]);
      await t.owner.query(`insert into record_errors (tenant_id, flow, record_key, category, message, state) values ($1, 'orders', '1', 'mapping_error', 'x', 'open')`, [tenant]);
      await t.owner.query(
        `insert into shipment_pushes (tenant_id, shipment_key, order_number, invoice_no, package_no, status, source_payload) values ($1, 'i|p', 'SO1', 'I1', 'P1', 'pending', '{}')`,
        [tenant],
      );
      await t.owner.query(`insert into inventory_pushes (tenant_id, item_code, warehouse_code, available, status) values ($1, 'WIDGET-100', '000', 5, 'pending')`, [tenant]);
      await t.owner.query(`insert into webhook_events (tenant_id, event_id, topic) values ($1, 'e1', 'orders/create')`, [tenant]);
      await t.owner.query(`insert into sync_runs (tenant_id, flow, trigger, status) values ($1, 'orders', 'manual', 'succeeded')`, [tenant]);
      await t.owner.query(`insert into tenant_data_keys (tenant_id, version, master_key_id, wrapped_key) values ($1, 1, 'test', '\\x00')`, [tenant]);
    }
    await t.owner.query(`insert into sessions (token_hash, user_id, expires_at) values ('\\x01', $1, now() + interval '1 hour')`, [alice]);
    await t.owner.query(`insert into login_attempts (email_lower, ip, succeeded) values ('alice@a.test', '10.0.0.1', false)`);
    tables = (
      await t.owner.query<{ tablename: string }>(`select tablename from pg_tables where schemaname = 'public' and tablename <> 'migrations' order by 1`)
    ).rows.map((r) => r.tablename);
    app = new Client({ connectionString: t.db.appUrl });
    await app.connect();
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  it('covers every table Ferry has (so new tables are checked as they are added)', () => {
    expect(tables).toEqual(
      expect.arrayContaining(['tenants', 'users', 'memberships', 'api_keys', 'sessions', 'login_attempts', 'audit_log', 'tenant_data_keys', 'schedules', 'sync_runs']),
    );
  });

  it("lets the scheduler context see schedules of every tenant, and nothing else", async () => {
    await app.query('begin');
    try {
      await app.query(SET_DB_CONTEXT_SQL, dbContextParameters({ scheduler: true }));
      const schedules = await app.query<{ tenant_id: string }>('select distinct tenant_id from schedules');
      expect(schedules.rows.map((r) => r.tenant_id).sort()).toEqual([tenantA, tenantB].sort());
      for (const table of tables.filter((name) => name !== 'schedules')) {
        expect({ table, rows: (await app.query(`select count(*)::int as n from ${table}`)).rows[0].n }).toEqual({ table, rows: 0 });
      }
    } finally {
      await app.query('rollback');
    }
  });

  it('has RLS enabled and FORCEd on every table', async () => {
    const result = await t.owner.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `select relname, relrowsecurity, relforcerowsecurity from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' and relname = any($1)`,
      [tables],
    );
    expect(result.rows).toHaveLength(tables.length);
    for (const row of result.rows) expect({ table: row.relname, rls: row.relrowsecurity, forced: row.relforcerowsecurity }).toEqual({ table: row.relname, rls: true, forced: true });
  });

  it('connects as a role that is neither owner, superuser nor BYPASSRLS', async () => {
    const { user } = roleOf(t.db.appUrl);
    const role = await app.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>('select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user');
    expect(role.rows[0]).toEqual({ rolname: user, rolsuper: false, rolbypassrls: false });
    const owned = await app.query(`select relname from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = current_user`);
    expect(owned.rows).toEqual([]);
    await expect(app.query('select * from migrations')).rejects.toThrow(/permission denied/);
  });

  it('sees 0 rows in every table when no tenant is set', async () => {
    for (const table of tables) {
      const owner = await t.owner.query<{ n: number }>(`select count(*)::int as n from ${table}`);
      const seen = await app.query<{ n: number }>(`select count(*)::int as n from ${table}`);
      expect({ table, ownerSees: owner.rows[0].n > 0, appSees: seen.rows[0].n }).toEqual({ table, ownerSees: true, appSees: 0 });
    }
  });

  it("sees only tenant A's rows with tenant A set, and cannot write into tenant B", async () => {
    await app.query('begin');
    try {
      await app.query(SET_DB_CONTEXT_SQL, dbContextParameters({ tenantId: tenantA }));
      const tenantOwned = (
        await t.owner.query<{ table_name: string }>(`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id'`)
      ).rows.map((r) => r.table_name);
      expect(tenantOwned.length).toBeGreaterThanOrEqual(13);
      for (const table of tenantOwned) {
        const rows = await app.query<{ tenant_id: string }>(`select distinct tenant_id from ${table}`);
        expect({ table, tenants: rows.rows.map((r) => r.tenant_id) }).toEqual({ table, tenants: [tenantA] });
      }
      expect((await app.query('select id from tenants')).rows).toEqual([{ id: tenantA }]);
      await expect(app.query(`insert into audit_log (tenant_id, action, target_type) values ($1, 'x', 'x')`, [tenantB])).rejects.toThrow(/row-level security/);
    } finally {
      await app.query('rollback');
    }
  });

  it('forgets the tenant when the transaction ends (settings are transaction-local)', async () => {
    await app.query('begin');
    await app.query(SET_DB_CONTEXT_SQL, dbContextParameters({ tenantId: tenantA }));
    expect((await app.query('select count(*)::int as n from memberships')).rows[0].n).toBe(1);
    await app.query('commit');
    expect((await app.query('select count(*)::int as n from memberships')).rows[0].n).toBe(0);
  });
});
