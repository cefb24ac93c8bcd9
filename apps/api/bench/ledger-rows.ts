import { Pool } from 'pg';

/*
 * Bulk rows for the ledger benchmark, made by PostgreSQL itself (generate_series): one
 * tenant's orders ledger with its error queue and shipment pushes, shaped like what the
 * sync engine writes (source payloads in the Admin GraphQL shape, mapped pass-through
 * payloads, ERP numbers) and spread over 90 days.
 *
 * Per 100 orders: 87 imported, 3 import_failed, 4 failed, 3 skipped, 2 sent, 1 mapped.
 * Every failed / import_failed order has an open error; 5 % of the imported ones carry a
 * resolved error from an earlier attempt; every imported order has one shipment package
 * pushed as a fulfillment (every 10th has two).
 */

/** SKUs of the catalogue: `SKU-0000` … `SKU-0499`; `DISCONTINUED-9` only on orders that failed for it. */
export const CATALOGUE_SIZE = 500;
export const RARE_SKU = 'DISCONTINUED-9';

/** Order `g` (1-based) of a tenant is `#<namesFrom + g>`; its ERP order number is `<prefix><g padded to 7>`. */
export interface LedgerShape {
  tenantId: string;
  orders: number;
  namesFrom: number;
  orderNumberPrefix: string;
}

const ORDERS_SQL = `
  insert into pass_through_orders (tenant_id, shopify_order_id, shopify_order_name, shopify_created_at, shopify_updated_at, order_number, status, skip_reason,
    source_payload, mapped_payload, erp_sales_order_no, erp_error, attempts, created_at, updated_at, sent_at, imported_at)
  select $1::uuid, 'gid://shopify/Order/' || ($3::bigint * 1000000 + g), '#' || ($3::bigint + g), o.created, o.created + interval '3 minutes',
    case when o.status in ('sent', 'imported', 'import_failed') then $4 || lpad(g::text, 7, '0') end,
    o.status,
    case when o.status = 'skipped' then 'tagged "no-erp"' end,
    jsonb_build_object(
      'id', 'gid://shopify/Order/' || ($3::bigint * 1000000 + g), 'legacyResourceId', ($3::bigint * 1000000 + g)::text, 'name', '#' || ($3::bigint + g),
      'createdAt', o.created, 'updatedAt', o.created + interval '3 minutes', 'cancelledAt', null, 'closed', false,
      'email', 'customer' || (g % 5000) || '@example.com', 'phone', null, 'note', null, 'poNumber', null,
      'tags', case when o.status = 'skipped' then '["no-erp"]'::jsonb else '[]'::jsonb end,
      'currencyCode', 'USD', 'displayFinancialStatus', 'PAID', 'displayFulfillmentStatus', case when o.status = 'imported' then 'FULFILLED' else 'UNFULFILLED' end,
      'totalPriceSet', jsonb_build_object('shopMoney', jsonb_build_object('amount', (20 + g % 480)::text || '.95', 'currencyCode', 'USD')),
      'customer', jsonb_build_object('id', 'gid://shopify/Customer/' || (g % 5000), 'firstName', 'Dana', 'lastName', 'Whitfield ' || (g % 5000)),
      'shippingAddress', jsonb_build_object('name', 'Dana Whitfield', 'address1', (g % 900 + 1) || ' Main Street', 'city', 'Springfield', 'provinceCode', 'IL',
        'zip', '62701', 'countryCodeV2', 'US', 'phone', null),
      'shippingLines', jsonb_build_object('nodes', jsonb_build_array(jsonb_build_object('title', 'Standard Shipping', 'code', 'standard', 'price', '7.95'))),
      'lineItems', jsonb_build_object('nodes', o.lines)),
    case when o.status not in ('failed', 'skipped') then jsonb_build_object(
      'order_number', $4 || lpad(g::text, 7, '0'), 'customer_no', 'WEBSHOP', 'division_no', '01', 'ship_via', 'UPS GROUND', 'warehouse_code', '000',
      'order_date', to_char(o.created, 'YYYY-MM-DD'), 'ship_to_name', 'Dana Whitfield', 'ship_to_address1', (g % 900 + 1) || ' Main Street',
      'details', (select jsonb_agg(jsonb_build_object('item_code', l ->> 'sku', 'quantity', l -> 'quantity', 'unit_price', l -> 'unitPrice')) from jsonb_array_elements(o.lines) l))
    end,
    case when o.status = 'imported' then 'S' || lpad(g::text, 7, '0') end,
    case when o.status = 'import_failed' then 'Item ' || $5 || ' is not on file (line 1).' end,
    1,
    o.created + interval '20 seconds', o.created + interval '5 minutes',
    case when o.status in ('sent', 'imported', 'import_failed') then o.created + interval '30 seconds' end,
    case when o.status = 'imported' then o.created + interval '4 minutes' end
  from generate_series(1, $2::int) g
  cross join lateral (select
    now() - interval '90 days' + (interval '90 days' * g / $2::int) as created,
    case when g % 100 < 3 then 'import_failed' when g % 100 < 7 then 'failed' when g % 100 < 10 then 'skipped'
         when g % 100 < 12 then 'sent' when g % 100 < 13 then 'mapped' else 'imported' end as status) s
  cross join lateral (select s.created, s.status, (
    select jsonb_agg(jsonb_build_object(
      'id', 'gid://shopify/LineItem/' || ($3::bigint * 10000000 + g * 10 + i),
      'sku', case when i = 1 and s.status in ('import_failed', 'failed') and g % 2 = 0 then $5 else 'SKU-' || lpad(((g * 7919 + i * 104729) % ${CATALOGUE_SIZE})::text, 4, '0') end,
      'name', 'Catalogue item ' || ((g * 7919 + i * 104729) % ${CATALOGUE_SIZE}),
      'quantity', 1 + (g + i) % 4, 'currentQuantity', 1 + (g + i) % 4,
      'variant', jsonb_build_object('id', 'gid://shopify/ProductVariant/' || ((g * 7919 + i * 104729) % ${CATALOGUE_SIZE})),
      'originalUnitPriceSet', jsonb_build_object('shopMoney', jsonb_build_object('amount', (5 + (g * i) % 60)::text || '.50', 'currencyCode', 'USD'))))
    from generate_series(1, 1 + g % 3) i) as lines) o`;

const ERRORS_SQL = `
  insert into record_errors (tenant_id, flow, record_key, category, message, field, state, attempts, first_seen_at, last_seen_at, resolved_at)
  select o.tenant_id, 'orders', o.shopify_order_id,
    case when o.status = 'import_failed' then 'erp_import_failed'
         when n % 3 = 0 then 'sku_not_matched' when n % 3 = 1 then 'validation_error' else 'mapping_error' end,
    case when o.status = 'import_failed' then o.erp_error when n % 3 = 0 then 'Line 1 has no SKU the ERP knows.'
         when n % 3 = 1 then 'ship_via: "Overnight" is not a ship-via code.' else 'Expression failed: lookup("ship_via") returned nothing.' end,
    case when o.status = 'import_failed' or n % 3 = 0 then 'details[0].item_code' when n % 3 = 1 then 'ship_via' else null end,
    case when o.status = 'imported' then 'resolved' else 'open' end,
    1 + n % 3, o.created_at, o.created_at + interval '10 minutes', case when o.status = 'imported' then o.created_at + interval '10 minutes' end
  from (select *, (substr(shopify_order_id, 21))::bigint as n from pass_through_orders where tenant_id = $1) o
  where o.status in ('failed', 'import_failed') or (o.status = 'imported' and o.n % 20 = 0)`;

const SHIPMENTS_SQL = `
  insert into shipment_pushes (tenant_id, shipment_key, order_number, shopify_order_id, invoice_no, package_no, tracking_number, ship_via, status, fulfillment_id,
    source_payload, mapped_payload, attempts, created_at, updated_at)
  select o.tenant_id, 'I' || o.order_number || '|' || p, o.order_number, o.shopify_order_id, 'I' || o.order_number, p::text, '1Z999AA1' || lpad((o.n * 2 + p)::text, 10, '0'),
    'UPS GROUND', 'fulfilled', 'gid://shopify/Fulfillment/' || (o.n * 2 + p),
    jsonb_build_object('key', 'I' || o.order_number || '|' || p, 'orderNumber', o.order_number, 'invoiceNo', 'I' || o.order_number, 'packageNo', p::text,
      'trackingNumber', '1Z999AA1' || lpad((o.n * 2 + p)::text, 10, '0'), 'shipVia', 'UPS GROUND', 'lines', o.source_payload -> 'lineItems' -> 'nodes'),
    jsonb_build_object('trackingInfo', jsonb_build_object('number', '1Z999AA1' || lpad((o.n * 2 + p)::text, 10, '0'), 'company', 'UPS',
      'url', 'https://www.ups.com/track?tracknum=1Z999AA1' || lpad((o.n * 2 + p)::text, 10, '0')), 'notifyCustomer', false),
    1, o.imported_at + interval '1 hour', o.imported_at + interval '1 hour'
  from (select *, (substr(shopify_order_id, 21))::bigint as n from pass_through_orders where tenant_id = $1 and status = 'imported') o
  cross join generate_series(1, case when o.n % 10 = 0 then 2 else 1 end) p`;

/** Fills one tenant's ledgers; returns the row counts written. */
export async function fillLedgers(owner: Pool, shape: LedgerShape): Promise<{ orders: number; errors: number; shipments: number }> {
  const orders = await owner.query(ORDERS_SQL, [shape.tenantId, shape.orders, shape.namesFrom, shape.orderNumberPrefix, RARE_SKU]);
  const errors = await owner.query(ERRORS_SQL, [shape.tenantId]);
  const shipments = await owner.query(SHIPMENTS_SQL, [shape.tenantId]);
  return { orders: orders.rowCount ?? 0, errors: errors.rowCount ?? 0, shipments: shipments.rowCount ?? 0 };
}
