import { DefaultOrderValues } from './target-schemas/default-order-values';

/** The tenant's default order values (DESIGN §2.1), as saved and bound as `$defaults`. */
export interface OrderDefaults extends DefaultOrderValues {
  /** Sage 100 SalespersonDivisionNo: two digits. */
  salespersonDivisionNo?: string;
}

export type ErpListKind = 'customers' | 'terms' | 'tax_schedules' | 'ship_vias' | 'warehouses' | 'items';

/** How the form shows, checks and offers one default value; the API checks by the same rules. */
export interface OrderDefaultField {
  key: keyof OrderDefaults;
  label: string;
  help: string;
  kind: 'text' | 'code' | 'flag';
  required?: boolean;
  maxLength?: number;
  pattern?: string;
  patternText?: string;
  allowedValues?: readonly string[];
  upperCase?: boolean;
  /** Offered choices come from this ERP list; a value not in it is flagged. */
  erpList?: ErpListKind;
}

/** Sage 100 rules (DESIGN §4.3) for each default value. */
export const ORDER_DEFAULT_FIELDS: readonly OrderDefaultField[] = [
  { key: 'divisionNo', label: 'Customer division', help: 'AR division of the customer the orders are booked to', kind: 'code', required: true, pattern: '^\\d{2}$', patternText: 'two digits, e.g. 01' },
  { key: 'customerNo', label: 'Customer number', help: 'The ERP customer Shopify orders are booked to', kind: 'code', required: true, maxLength: 20, upperCase: true, erpList: 'customers' },
  { key: 'termsCode', label: 'Payment terms code', help: 'Terms of the sales order', kind: 'code', maxLength: 2, erpList: 'terms' },
  { key: 'salespersonDivisionNo', label: 'Salesperson division', help: 'Division of the salesperson', kind: 'code', pattern: '^\\d{2}$', patternText: 'two digits, e.g. 01' },
  { key: 'salespersonNo', label: 'Salesperson number', help: 'Salesperson credited with the orders', kind: 'code', maxLength: 4, upperCase: true },
  { key: 'taxSchedule', label: 'Tax schedule', help: 'Sales tax schedule of the orders', kind: 'code', maxLength: 9, upperCase: true, erpList: 'tax_schedules' },
  { key: 'orderType', label: 'Order type', help: 'S standard or B back order', kind: 'code', allowedValues: ['S', 'B'] },
  { key: 'orderStatus', label: 'Order status', help: 'N new, O open, H hold', kind: 'code', allowedValues: ['N', 'O', 'H'] },
  { key: 'holdReasonCode', label: 'Hold reason code', help: 'Required when the status is H (hold)', kind: 'code', maxLength: 5, upperCase: true },
  { key: 'printPickSheet', label: 'Print pick sheet', help: 'Print a picking sheet for each imported order', kind: 'flag' },
  { key: 'printSalesOrder', label: 'Print sales order', help: 'Print the sales order on import', kind: 'flag' },
  { key: 'shipVia', label: 'Default ship-via', help: 'Used when the shipping method has no ship-via in the lookup table', kind: 'code', maxLength: 15, upperCase: true, erpList: 'ship_vias' },
  { key: 'warehouseCode', label: 'Default warehouse', help: 'Warehouse the orders ship from', kind: 'code', maxLength: 3, upperCase: true, erpList: 'warehouses' },
  { key: 'noSkuItemCode', label: 'Item code for lines without SKU', help: 'e.g. /MISC; without it such lines are rejected', kind: 'code', maxLength: 30, upperCase: true, erpList: 'items' },
];

/** A value the ERP's own list does not contain (it would fail the ERP import). */
export interface UnknownErpValue {
  field: keyof OrderDefaults;
  value: string;
  list: ErpListKind;
}

export interface OrderDefaultsResponse {
  values: OrderDefaults | null;
  unknownToErp: UnknownErpValue[];
  updatedAt: string | null;
}
