import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ledgers of the two ERP → Shopify flows (DESIGN §2.2, §2.3): one row per ERP shipment
 * package (its Shopify fulfillment, recorded in the same step it is created) and one row
 * per item × warehouse (the last quantity pushed, so only changes are pushed again).
 */
export class ShipmentAndInventoryLedgers1764633600000 implements MigrationInterface {
  name = 'ShipmentAndInventoryLedgers1764633600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table shipment_pushes (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete cascade,
        shipment_key text not null,
        order_number text not null,
        shopify_order_id text,
        invoice_no text not null,
        package_no text not null,
        tracking_number text,
        ship_via text,
        status text not null check (status in ('pending', 'fulfilled', 'failed', 'skipped')),
        fulfillment_id text,
        error text,
        source_payload jsonb not null,
        mapped_payload jsonb,
        mapping_version_id uuid references mapping_versions(id),
        attempts int not null default 0,
        last_run_id uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (tenant_id, shipment_key)
      );
      create index shipment_pushes_created on shipment_pushes (tenant_id, created_at desc, id);
      create index shipment_pushes_status on shipment_pushes (tenant_id, status);

      create table inventory_pushes (
        tenant_id uuid not null references tenants(id) on delete cascade,
        item_code text not null,
        warehouse_code text not null,
        inventory_item_id text,
        location_id text,
        available int not null,
        last_pushed_available int,
        status text not null check (status in ('pending', 'pushed', 'unchanged', 'sku_not_matched', 'duplicate_sku', 'location_not_matched', 'failed')),
        error text,
        erp_updated_at timestamptz,
        pushed_at timestamptz,
        updated_at timestamptz not null default now(),
        primary key (tenant_id, item_code, warehouse_code)
      );
      create index inventory_pushes_status on inventory_pushes (tenant_id, status);
    `);
    for (const table of ['shipment_pushes', 'inventory_pushes']) {
      await q.query(`
        alter table ${table} enable row level security;
        alter table ${table} force row level security;
        create policy tenant_isolation on ${table}
          using (tenant_id = ferry_current_tenant()) with check (tenant_id = ferry_current_tenant());
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table inventory_pushes, shipment_pushes');
  }
}
