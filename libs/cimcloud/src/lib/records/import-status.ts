import type { Row } from '../paged-reader';
import { optionalText, text } from './row-fields';

/** ASSUMED shape: a pass-through order's progress into the ERP. */
export interface ImportStatus {
  orderNumber: string;
  status: 'queued' | 'pending' | 'imported' | 'rejected';
  /** Who refused it: CIMcloud's own validation (api) or the ERP import (erp). */
  errorSource?: 'api' | 'erp';
  error?: string;
  /** ERP column (e.g. CustomerNo) named by the error. */
  errorField?: string;
  /** Pass-through path (e.g. details[1].sku) named by the error. */
  errorPath?: string;
  salesOrderNo?: string;
  shipmentStatus?: 'none' | 'partial' | 'complete';
  updatedAt: string;
}

const STATUSES = new Set(['queued', 'pending', 'imported', 'rejected']);

export function parseImportStatus(row: Row): ImportStatus {
  const status = text(row, 'import_status');
  if (!STATUSES.has(status)) throw new Error(`Unknown import status "${status}"`);
  const source = optionalText(row, 'error_source');
  const shipment = optionalText(row, 'shipment_status');
  return {
    orderNumber: text(row, 'order_number'),
    status: status as ImportStatus['status'],
    errorSource: source === 'api' || source === 'erp' ? source : undefined,
    error: optionalText(row, 'erp_error'),
    errorField: optionalText(row, 'erp_error_field'),
    errorPath: optionalText(row, 'erp_error_path'),
    salesOrderNo: optionalText(row, 'erp_order_number'),
    shipmentStatus: shipment === 'none' || shipment === 'partial' || shipment === 'complete' ? shipment : undefined,
    updatedAt: text(row, 'updated_at'),
  };
}
