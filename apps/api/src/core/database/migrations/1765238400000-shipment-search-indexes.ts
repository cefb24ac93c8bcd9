import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search of the shipments ledger (the orders monitor's Shipments tab) by an exact invoice or
 * tracking number. With shipment_pushes_order_number these make the search's three equalities
 * a BitmapOr of index scans; without them it filtered every shipment of the tenant
 * (57,000 rows, 20-60 ms with the benchmark's ledger).
 */
export class ShipmentSearchIndexes1765238400000 implements MigrationInterface {
  name = 'ShipmentSearchIndexes1765238400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create index shipment_pushes_invoice_no on shipment_pushes (tenant_id, invoice_no);
      create index shipment_pushes_tracking_number on shipment_pushes (tenant_id, tracking_number);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop index shipment_pushes_tracking_number, shipment_pushes_invoice_no');
  }
}
