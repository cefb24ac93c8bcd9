import type { ErpProfile } from '../erp/erp-profile';
import type { ErpMasterData } from '../erp/master-data';

/** Credentials of one App Authorization (Worker Portal › App Authorizations). */
export interface AuthorizationSeed {
  authKey: string;
  userName: string;
  password: string;
  /** Stable id for call logs and rate limits (defaults to the AuthKey). */
  id?: string;
}

export interface StockSeed {
  itemCode: string;
  warehouseCode: string;
  onHand: number;
  committed?: number;
}

/** Everything needed to create a site: `/{name}/…` on the emulator. */
export interface SiteSeed {
  name: string;
  authorizations?: AuthorizationSeed[];
  masterData?: Partial<ErpMasterData>;
  stock?: StockSeed[];
  /** ERP profile; Sage 100 when omitted. */
  profile?: ErpProfile;
  /** First sales order number the ERP hands out (default 100000 → "0100000"). */
  salesOrderStart?: number;
}
