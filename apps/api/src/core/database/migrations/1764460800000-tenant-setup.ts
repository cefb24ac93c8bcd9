import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-service setup (issue 6): connections with sealed secrets, order defaults and
 * filters, cached ERP lists, location ↔ warehouse links, lookup tables. Every table is
 * tenant-owned with a FORCEd tenant policy. New tenants get the standard lookup tables.
 */
export class TenantSetup1764460800000 implements MigrationInterface {
  name = 'TenantSetup1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table connections (
        tenant_id uuid not null references tenants(id) on delete cascade,
        kind text not null check (kind in ('shopify', 'cimcloud')),
        config jsonb not null,
        secret_key_version int not null,
        secret_ciphertext bytea not null,
        secret_hints jsonb not null default '{}',
        last_test jsonb,
        updated_at timestamptz not null default now(),
        primary key (tenant_id, kind)
      );

      create table order_settings (
        tenant_id uuid primary key references tenants(id) on delete cascade,
        defaults jsonb,
        filters jsonb,
        updated_at timestamptz not null default now()
      );

      create table erp_list_entries (
        tenant_id uuid not null references tenants(id) on delete cascade,
        kind text not null,
        code text not null,
        description text not null default '',
        primary key (tenant_id, kind, code)
      );
      create table erp_list_refreshes (
        tenant_id uuid not null references tenants(id) on delete cascade,
        kind text not null,
        entry_count int not null,
        refreshed_at timestamptz not null,
        primary key (tenant_id, kind)
      );

      create table location_links (
        tenant_id uuid not null references tenants(id) on delete cascade,
        location_id text not null,
        location_name text not null,
        warehouse_code text,
        updated_at timestamptz not null default now(),
        primary key (tenant_id, location_id)
      );

      create table lookup_tables (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete cascade,
        name text not null check (name ~ '^[a-z][a-z0-9_]{0,62}$'),
        description text not null default '',
        updated_at timestamptz not null default now(),
        unique (tenant_id, name)
      );
      create table lookup_rows (
        tenant_id uuid not null references tenants(id) on delete cascade,
        table_id uuid not null references lookup_tables(id) on delete cascade,
        key text not null,
        value text not null,
        primary key (table_id, key)
      );
      create index lookup_rows_tenant on lookup_rows (tenant_id);
    `);
    for (const table of ['connections', 'order_settings', 'erp_list_entries', 'erp_list_refreshes', 'location_links', 'lookup_tables', 'lookup_rows']) {
      await q.query(`
        alter table ${table} enable row level security;
        alter table ${table} force row level security;
        create policy tenant_isolation on ${table}
          using (tenant_id = ferry_current_tenant()) with check (tenant_id = ferry_current_tenant());
      `);
    }
    await q.query(`
      create function ferry_standard_lookup_tables(tenant uuid) returns void language plpgsql as $$
      begin
        insert into lookup_tables (tenant_id, name, description) values
          (tenant, 'ship_via', 'Shopify shipping method → ERP ship-via code'),
          (tenant, 'carrier', 'ERP ship-via code → Shopify tracking company')
        on conflict (tenant_id, name) do nothing;
      end $$;

      -- Replaces the schedules trigger function: a new tenant gets its schedules and its
      -- standard lookup tables, in its own context, and the caller's context is restored.
      create or replace function ferry_default_schedules() returns trigger language plpgsql as $$
      declare
        previous text := current_setting('app.tenant_id', true);
      begin
        perform set_config('app.tenant_id', new.id::text, true);
        insert into schedules (tenant_id, flow, interval_seconds, next_run_at)
          select new.id, flow, 300, now() + make_interval(secs => abs(hashtext(new.id::text || flow)) % 300)
            from unnest(array['orders', 'shipments', 'inventory']) as flow;
        perform ferry_standard_lookup_tables(new.id);
        perform set_config('app.tenant_id', coalesce(previous, ''), true);
        return new;
      end $$;

      do $$
      declare t record;
      begin
        for t in select id from tenants loop
          perform set_config('app.tenant_id', t.id::text, true);
          perform ferry_standard_lookup_tables(t.id);
        end loop;
        perform set_config('app.tenant_id', '', true);
      end $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table lookup_rows, lookup_tables, location_links, erp_list_refreshes, erp_list_entries, order_settings, connections;
      drop function ferry_standard_lookup_tables(uuid);
    `);
  }
}
