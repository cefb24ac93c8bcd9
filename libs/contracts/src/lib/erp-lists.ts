import { ErpListKind } from './order-defaults';

export const ERP_LIST_KINDS: readonly ErpListKind[] = ['customers', 'terms', 'tax_schedules', 'ship_vias', 'warehouses', 'items'];

export interface ErpListEntry {
  code: string;
  description: string;
}

/** The ERP's lists are read through CIMcloud within its call budget and cached per tenant. */
export interface ErpListSummary {
  kind: ErpListKind;
  count: number;
  refreshedAt: string | null;
}
