import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes of the dashboard's hour buckets at 100,000+ ledger rows per tenant (issue 8): each
 * reads one tenant's orders of a status within a time window, so a partial index per
 * question (leading with tenant_id, bounded by a leakproof timestamptz comparison, usable
 * under FORCEd row-level security) replaces a scan of every order of the tenant.
 */
export class DashboardIndexes1764979200000 implements MigrationInterface {
  name = 'DashboardIndexes1764979200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Orders synced per hour: the hour they reached CIMcloud.
      create index pass_through_orders_synced_at on pass_through_orders (tenant_id, sent_at) where status in ('sent', 'imported');
      -- Latency per hour: imported orders by the hour of their import, with their Shopify creation time.
      create index pass_through_orders_imported_at on pass_through_orders (tenant_id, imported_at) include (shopify_created_at) where status = 'imported';
      -- Orders failed per hour.
      create index pass_through_orders_failed_at on pass_through_orders (tenant_id, updated_at) where status in ('failed', 'import_failed');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index pass_through_orders_synced_at, pass_through_orders_imported_at, pass_through_orders_failed_at`);
  }
}
