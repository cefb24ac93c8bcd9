import { LookupRow } from './target-schemas/mapping-definition';

/** Tables every tenant has, read by the default mappings. */
export const STANDARD_LOOKUP_TABLES = [
  { name: 'ship_via', description: 'Shopify shipping method → ERP ship-via code' },
  { name: 'carrier', description: 'ERP ship-via code → Shopify tracking company' },
] as const;

export interface LookupTableSummary {
  id: string;
  name: string;
  description: string;
  rowCount: number;
  updatedAt: string;
}

export interface LookupTableDetail extends LookupTableSummary {
  rows: LookupRow[];
}

export interface SaveLookupTableRequest {
  /** lower-case letters, digits and underscores */
  name: string;
  description?: string;
  rows: LookupRow[];
}
