import type { Row } from '../paged-reader';
import { numeric, text } from './row-fields';

/** ASSUMED shape: stock of one item in one ERP warehouse. */
export interface StockLevel {
  sku: string;
  warehouseCode: string;
  onHand: number;
  committed: number;
  /** On hand minus committed, as the ERP reports it. */
  available: number;
  updatedAt: string;
}

export function parseStockLevel(row: Row): StockLevel {
  return {
    sku: text(row, 'sku'),
    warehouseCode: text(row, 'warehouse_code'),
    onHand: numeric(row, 'quantity_on_hand'),
    committed: numeric(row, 'quantity_committed'),
    available: numeric(row, 'quantity_available'),
    updatedAt: text(row, 'updated_at'),
  };
}
