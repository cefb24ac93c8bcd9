import type { EmulatorClock } from '../core/clock';
import type { ErpProfile } from '../erp/erp-profile';
import { MasterStore } from '../erp/master-store';
import type { ShipmentRecord } from '../erp/shipment-record';
import { StockLedger } from '../erp/stock-ledger';
import type { PassthroughOrder } from '../passthrough/passthrough-order';

/** An App Authorization (Worker Portal): the unit credentials and rate limits belong to. */
export interface AppAuthorization {
  id: string;
  authKey: string;
  userName: string;
  password: string;
  disabled: boolean;
}

/**
 * queued: in CIMcloud's asynchronous queue (POST of more than 10 records);
 * pending: stored, waiting for the ERP import; imported: the ERP made a sales order;
 * rejected: refused by CIMcloud's queue validation (source api) or by the ERP (source erp).
 */
export type ImportStatus = 'queued' | 'pending' | 'imported' | 'rejected';

export interface OrderLine {
  lineNo: number;
  itemCode: string;
  quantityOrdered: number;
  quantityShipped: number;
  price: number;
}

export interface StoredOrder {
  orderNumber: string;
  order?: PassthroughOrder;
  status: ImportStatus;
  errorSource?: 'api' | 'erp';
  error?: string;
  /** ERP column (e.g. CustomerNo) or pass-through path that failed. */
  errorField?: string;
  errorPath?: string;
  salesOrderNo?: string;
  warehouseCode?: string;
  shipVia?: string;
  lines: OrderLine[];
  receivedAt: string;
  updatedAt: string;
  importedAt?: string;
  /** Times the order was posted; a re-post updates instead of duplicating. */
  revision: number;
  seq: number;
}

/** A recorded API call, for tests that count calls against the documented budget. */
export interface CallRecord {
  at: string;
  method: string;
  path: string;
  authId?: string;
  status: number;
}

export interface SiteState {
  name: string;
  profile: ErpProfile;
  authorizations: Map<string, AppAuthorization>;
  master: MasterStore;
  stock: StockLedger;
  orders: Map<string, StoredOrder>;
  shipments: ShipmentRecord[];
  calls: CallRecord[];
  counters: { salesOrder: number; invoice: number; seq: number; tracking: number };
}

export function createSiteState(name: string, profile: ErpProfile, clock: EmulatorClock, salesOrderStart: number): SiteState {
  return {
    name,
    profile,
    authorizations: new Map(),
    master: new MasterStore(),
    stock: new StockLedger(clock),
    orders: new Map(),
    shipments: [],
    calls: [],
    counters: { salesOrder: salesOrderStart, invoice: 1, seq: 0, tracking: 0 },
  };
}
