import { EntityManager } from 'typeorm';
import { orderContentChanged } from './order-content';

/** A row of the orders ledger (pass_through_orders): one per Shopify order, whatever happens to it. */
export type LedgerStatus = 'mapped' | 'sent' | 'imported' | 'import_failed' | 'failed' | 'skipped';

export interface LedgerEntry {
  shopifyOrderId: string;
  shopifyOrderName: string;
  shopifyCreatedAt: string;
  shopifyUpdatedAt: string;
  status: LedgerStatus;
  skipReason: string | null;
  orderNumber: string | null;
  sourcePayload: unknown;
  mappedPayload: unknown;
  mappingVersionId: string;
  runId: string;
}

interface ExistingRow {
  status: LedgerStatus;
  shopify_updated_at: Date;
  source_payload: unknown;
}

/** Sent orders are never sent again by a change in Shopify: CIMcloud would update the ERP order. */
const ALREADY_SENT: ReadonlySet<LedgerStatus> = new Set(['sent', 'imported', 'import_failed']);

export type LedgerWrite = 'written' | 'unchanged' | 'edited_after_send';

/**
 * Records what a run made of one Shopify order, once per order version (id + updatedAt):
 * a version already seen (the overlap window re-reads some) changes nothing, and an order
 * edited after it was sent is flagged instead of sent again (DESIGN §2.1 step 7).
 */
export async function writeLedgerEntry(m: EntityManager, tenantId: string, entry: LedgerEntry, options: { retry?: boolean } = {}): Promise<LedgerWrite> {
  // A retry a person (or the error queue) asked for maps the stored order again, whatever its state.
  if (options.retry) return upsert(m, tenantId, entry);
  const existing = ((await m.query(
    'select status, shopify_updated_at, source_payload from pass_through_orders where tenant_id = $1 and shopify_order_id = $2 for update',
    [tenantId, entry.shopifyOrderId],
  )) as ExistingRow[])[0];
  if (existing) {
    const stored = existing.shopify_updated_at.getTime();
    const read = Date.parse(entry.shopifyUpdatedAt);
    // updatedAt has whole seconds: an edit in the same second as the version recorded has the
    // same timestamp, so an equal one is a repeat only if the content is the same too.
    if (stored > read || (stored === read && !orderContentChanged(existing.source_payload, entry.sourcePayload))) return 'unchanged';
  }
  if (existing && ALREADY_SENT.has(existing.status)) {
    // Paid, fulfilled or closed in Shopify is not an edit: remember the version, flag nothing.
    const edited = orderContentChanged(existing.source_payload, entry.sourcePayload);
    await m.query(
      `update pass_through_orders set shopify_updated_at = $3, edited_after_import = ($4 and status = 'imported') or edited_after_import, updated_at = now()
        where tenant_id = $1 and shopify_order_id = $2`,
      [tenantId, entry.shopifyOrderId, entry.shopifyUpdatedAt, edited],
    );
    return edited ? 'edited_after_send' : 'unchanged';
  }
  return upsert(m, tenantId, entry);
}

async function upsert(m: EntityManager, tenantId: string, entry: LedgerEntry): Promise<LedgerWrite> {
  await m.query(
    `insert into pass_through_orders (tenant_id, shopify_order_id, shopify_order_name, shopify_created_at, shopify_updated_at, status, skip_reason,
       order_number, source_payload, mapped_payload, mapping_version_id, attempts, last_run_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, 1, $12)
     on conflict (tenant_id, shopify_order_id) do update set shopify_order_name = excluded.shopify_order_name,
       shopify_updated_at = excluded.shopify_updated_at, status = excluded.status, skip_reason = excluded.skip_reason,
       order_number = excluded.order_number, source_payload = excluded.source_payload, mapped_payload = excluded.mapped_payload,
       mapping_version_id = excluded.mapping_version_id, attempts = pass_through_orders.attempts + 1, last_run_id = excluded.last_run_id, updated_at = now()`,
    [
      tenantId,
      entry.shopifyOrderId,
      entry.shopifyOrderName,
      entry.shopifyCreatedAt,
      entry.shopifyUpdatedAt,
      entry.status,
      entry.skipReason,
      entry.orderNumber,
      JSON.stringify(entry.sourcePayload),
      entry.mappedPayload === null ? null : JSON.stringify(entry.mappedPayload),
      entry.mappingVersionId,
      entry.runId,
    ],
  );
  return 'written';
}
