import { Injectable } from '@nestjs/common';
import { Page, PassThroughOrderDetail, PassThroughOrderSummary, PassThroughStatus } from '@ferry/contracts';
import { PageQueryDto, readPage } from '../../core/http/cursor-page';
import { problems } from '../../core/http/problem';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { toSummary as toErrorSummary } from '../errors/record-errors.service';
import { readOrderShipments } from './order-shipments';
import { ORDER_COLUMNS, OrdersFilter, ordersListQuery } from './orders-list-query';

interface OrderRow {
  id: string;
  shopify_order_id: string;
  shopify_order_name: string;
  shopify_created_at: Date;
  shopify_updated_at: Date;
  order_number: string | null;
  status: PassThroughStatus;
  skip_reason: string | null;
  erp_sales_order_no: string | null;
  erp_error: string | null;
  edited_after_import: boolean;
  open_error_id: string | null;
  sent_at: Date | null;
  imported_at: Date | null;
  updated_at: Date;
  cursorAt: string;
}

/** The orders ledger as the "Pass Through Orders" view reads it. */
@Injectable()
export class PassThroughOrdersService {
  constructor(private readonly db: DbContextRunner) {}

  list(tenant: TenantContext, filter: OrdersFilter, page: PageQueryDto): Promise<Page<PassThroughOrderSummary>> {
    return this.db.forTenant(tenant, (m) =>
      readPage<OrderRow, PassThroughOrderSummary>(
        page,
        (after, take) => {
          const query = ordersListQuery(tenant.tenantId, filter, after, take);
          return m.query(query.sql, query.params);
        },
        toSummary,
      ),
    );
  }

  async get(tenant: TenantContext, id: string): Promise<PassThroughOrderDetail> {
    return this.db.forTenant(tenant, async (m) => {
      const rows = (await m.query(
        `select ${ORDER_COLUMNS}, o.source_payload, o.mapped_payload, v.id as version_id, v.version
           from pass_through_orders o left join mapping_versions v on v.id = o.mapping_version_id
          where o.tenant_id = $1 and o.id = $2`,
        [tenant.tenantId, id],
      )) as Array<OrderRow & { source_payload: unknown; mapped_payload: unknown; version_id: string | null; version: number | null }>;
      const row = rows[0];
      if (!row) throw problems.notFound('Order');
      const errors = await m.query(
        `select id, flow, record_key, category, message, field, state, attempts, first_seen_at, last_seen_at, next_retry_at from record_errors
          where tenant_id = $1 and flow = 'orders' and record_key = $2 order by last_seen_at desc`,
        [tenant.tenantId, row.shopify_order_id],
      );
      return {
        ...toSummary(row),
        sourcePayload: row.source_payload,
        mappedPayload: row.mapped_payload,
        mappingVersion: row.version_id && row.version ? { id: row.version_id, version: row.version } : null,
        errors: errors.map(toErrorSummary),
        shipments: await readOrderShipments(m, tenant.tenantId, row.order_number),
      };
    });
  }
}

function toSummary(row: OrderRow): PassThroughOrderSummary {
  return {
    id: row.id,
    shopifyOrderId: row.shopify_order_id,
    shopifyOrderName: row.shopify_order_name,
    shopifyCreatedAt: row.shopify_created_at.toISOString(),
    shopifyUpdatedAt: row.shopify_updated_at.toISOString(),
    orderNumber: row.order_number,
    status: row.status,
    skipReason: row.skip_reason,
    erpSalesOrderNo: row.erp_sales_order_no,
    erpError: row.erp_error,
    editedAfterImport: row.edited_after_import,
    openErrorId: row.open_error_id,
    sentAt: row.sent_at?.toISOString() ?? null,
    importedAt: row.imported_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}
