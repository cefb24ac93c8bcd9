import type { EmulatorClock } from '../core/clock';
import { customerKey } from './master-data';
import { checkErpRules } from './check-erp-rules';
import { fillMessage } from './fill-message';
import type { SiteState, StoredOrder } from '../sites/site-state';

/**
 * The ERP side of the import: checks a pending order against the profile and master files,
 * then creates the sales order (number, warehouse, committed stock) or records the rejection.
 */
export function importOrder(site: SiteState, stored: StoredOrder, clock: EmulatorClock): void {
  const order = stored.order;
  if (stored.status !== 'pending' || !order) return;
  const now = clock.iso();
  stored.updatedAt = now;
  stored.seq = ++site.counters.seq;

  const reject = (message: string, erpField: string, path: string): void => {
    Object.assign(stored, { status: 'rejected', errorSource: 'erp', error: message, errorField: erpField, errorPath: path });
  };

  const rejection = checkErpRules(order, site.profile, site.master);
  if (rejection) return reject(rejection.message, rejection.erpField, rejection.path);

  const length = site.profile.salesOrderNoLength;
  const requested = order.header[site.profile.salesOrderNoSource];
  let salesOrderNo: string;
  if (typeof requested === 'string') {
    salesOrderNo = requested.padStart(length, '0');
    const taken = [...site.orders.values()].some((o) => o !== stored && o.salesOrderNo === salesOrderNo);
    if (taken) {
      const message = fillMessage(site.profile.messages.duplicateSalesOrder, { field: 'SalesOrderNo', value: salesOrderNo });
      return reject(message, 'SalesOrderNo', site.profile.salesOrderNoSource);
    }
  } else {
    salesOrderNo = String(site.counters.salesOrder++).padStart(length, '0').slice(-length);
  }

  const customer = site.master.customers.get(
    customerKey(String(order.customer['division_no'] ?? ''), String(order.customer['customer_no'] ?? '')),
  );
  const warehouseCode = String(order.header['erp_ship_to_warehouse'] ?? customer?.warehouseCode ?? site.profile.defaultWarehouse);
  const shipVia = String(order.header['erp_ship_via'] ?? customer?.shipVia ?? '');
  const lines = order.details.map((line, index) => ({
    lineNo: index + 1,
    itemCode: String(line['sku']),
    quantityOrdered: Number(line['quantity']),
    quantityShipped: 0,
    price: Number(line['price']),
  }));
  for (const line of lines) site.stock.adjust(line.itemCode, warehouseCode, 0, line.quantityOrdered);

  Object.assign(stored, {
    status: 'imported',
    salesOrderNo,
    warehouseCode,
    shipVia,
    lines,
    importedAt: now,
    errorSource: undefined,
    error: undefined,
    errorField: undefined,
    errorPath: undefined,
  });
}
