import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sync engine's state (issue 7): mapping versions, checkpoints, the orders ledger, the
 * error queue and seen webhook events. Published mapping versions are immutable (trigger).
 */
export class SyncLedgers1764547200000 implements MigrationInterface {
  name = 'SyncLedgers1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table mapping_versions (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete cascade,
        flow text not null check (flow in ('orders', 'shipments', 'inventory')),
        version int not null check (version > 0),
        content_hash text not null,
        definition jsonb not null,
        note text not null default '',
        published_by uuid,
        published_at timestamptz not null default now(),
        unique (tenant_id, flow, version)
      );
      create function ferry_mapping_versions_immutable() returns trigger language plpgsql as $$
      begin
        raise exception 'published mapping versions are immutable; publish a new version instead';
      end $$;
      create trigger mapping_versions_immutable before update on mapping_versions
        for each row execute function ferry_mapping_versions_immutable();

      create table mappings (
        tenant_id uuid not null references tenants(id) on delete cascade,
        flow text not null check (flow in ('orders', 'shipments', 'inventory')),
        published_version_id uuid not null references mapping_versions(id),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, flow)
      );

      create table checkpoints (
        tenant_id uuid not null references tenants(id) on delete cascade,
        flow text not null,
        cursor jsonb not null,
        updated_at timestamptz not null default now(),
        primary key (tenant_id, flow)
      );

      create table pass_through_orders (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete cascade,
        shopify_order_id text not null,
        shopify_order_name text not null,
        shopify_created_at timestamptz not null,
        shopify_updated_at timestamptz not null,
        order_number text,
        status text not null check (status in ('mapped', 'sent', 'imported', 'import_failed', 'failed', 'skipped')),
        skip_reason text,
        source_payload jsonb not null,
        mapped_payload jsonb,
        mapping_version_id uuid references mapping_versions(id),
        erp_sales_order_no text,
        erp_error text,
        edited_after_import boolean not null default false,
        attempts int not null default 0,
        last_run_id uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        sent_at timestamptz,
        imported_at timestamptz,
        unique (tenant_id, shopify_order_id)
      );
      create index pass_through_orders_status on pass_through_orders (tenant_id, status);
      create index pass_through_orders_created on pass_through_orders (tenant_id, created_at desc, id);
      create index pass_through_orders_name on pass_through_orders (tenant_id, shopify_order_name);

      create table record_errors (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete cascade,
        flow text not null,
        record_key text not null,
        category text not null check (category in ('mapping_error', 'validation_error', 'sku_not_matched', 'location_not_matched',
          'cimcloud_rejected', 'erp_import_failed', 'shopify_user_error', 'rate_limited', 'auth_failed', 'upstream_unavailable')),
        message text not null,
        field text,
        details jsonb not null default '{}',
        state text not null check (state in ('open', 'retrying', 'resolved', 'skipped')),
        attempts int not null default 1,
        first_seen_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        next_retry_at timestamptz,
        resolved_at timestamptz
      );
      -- One unsettled error per record: a repeat updates it (attempts, last seen).
      create unique index record_errors_unsettled on record_errors (tenant_id, flow, record_key) where state in ('open', 'retrying');
      create index record_errors_tenant_state on record_errors (tenant_id, state, last_seen_at desc);

      create table webhook_events (
        tenant_id uuid not null references tenants(id) on delete cascade,
        event_id text not null,
        topic text not null,
        received_at timestamptz not null default now(),
        primary key (tenant_id, event_id)
      );
    `);
    for (const table of ['mapping_versions', 'mappings', 'checkpoints', 'pass_through_orders', 'record_errors', 'webhook_events']) {
      await q.query(`
        alter table ${table} enable row level security;
        alter table ${table} force row level security;
        create policy tenant_isolation on ${table}
          using (tenant_id = ferry_current_tenant()) with check (tenant_id = ferry_current_tenant());
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table webhook_events, record_errors, pass_through_orders, checkpoints, mappings, mapping_versions;
      drop function ferry_mapping_versions_immutable();
    `);
  }
}
