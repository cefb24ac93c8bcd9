import { ErrorCategory, PassThroughStatus } from '@ferry/contracts';
import { CursorPosition, cursorAtSql } from '../../core/http/cursor-page';

export interface OrdersFilter {
  status?: PassThroughStatus;
  /** Shopify order name or its beginning (#1001, #10, 1001), CIMcloud order number, or a SKU of its lines. */
  q?: string;
  from?: string;
  to?: string;
  category?: ErrorCategory;
}

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/** The summary columns of an order row (`o`), with its open error and its cursor position. */
export const ORDER_COLUMNS = `o.id, o.shopify_order_id, o.shopify_order_name, o.shopify_created_at, o.shopify_updated_at, o.order_number, o.status, o.skip_reason,
  o.erp_sales_order_no, o.erp_error, o.edited_after_import, o.sent_at, o.imported_at, o.updated_at,
  (select e.id from record_errors e where e.tenant_id = o.tenant_id and e.flow = 'orders' and e.record_key = o.shopify_order_id and e.state in ('open', 'retrying') limit 1) as open_error_id,
  ${cursorAtSql('o.shopify_created_at')} as "cursorAt"`;

/**
 * One page of the orders list, newest Shopify order first, with only the conditions of the
 * filters given (so every plan is the one for this filter). Each condition is written so an
 * index of migration 1765152000000 serves it under row-level security: equality and range
 * comparisons and starts_with are leakproof; LIKE and jsonb containment are not, and would
 * make PostgreSQL read every order of the tenant.
 */
export function ordersListQuery(tenantId: string, filter: OrdersFilter, after: CursorPosition | null, take: number): SqlQuery {
  const params: unknown[] = [tenantId];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['o.tenant_id = $1'];
  if (filter.status) where.push(`o.status = ${param(filter.status)}`);
  if (filter.from) where.push(`o.shopify_created_at >= ${param(filter.from)}::timestamptz`);
  if (filter.to) where.push(`o.shopify_created_at < ${param(filter.to)}::timestamptz`);
  const q = filter.q?.trim();
  if (q) {
    const term = param(q);
    // People type order names with or without Shopify's "#".
    const names = [`starts_with(p.shopify_order_name, ${term})`];
    if (!q.startsWith('#')) names.push(`starts_with(p.shopify_order_name, ${param(`#${q}`)})`);
    where.push(`o.id in (
      select p.id from pass_through_orders p where p.tenant_id = $1 and (${names.join(' or ')} or p.order_number = ${term})
      union all
      select s.order_id from pass_through_order_skus s where s.tenant_id = $1 and s.sku = ${term})`);
  }
  if (filter.category) {
    where.push(`exists (select 1 from record_errors e where e.tenant_id = o.tenant_id and e.flow = 'orders' and e.record_key = o.shopify_order_id
      and e.state in ('open', 'retrying') and e.category = ${param(filter.category)})`);
  }
  if (after) where.push(`(o.shopify_created_at, o.id) < (${param(after.createdAt)}::timestamptz, ${param(after.id)}::uuid)`);
  return {
    sql: `select ${ORDER_COLUMNS} from pass_through_orders o where ${where.join(' and ')} order by o.shopify_created_at desc, o.id desc limit ${param(take)}`,
    params,
  };
}
