/** ERP master records, as the ERP simulator holds them (the seed and control API use these). */
export interface ErpCustomer {
  /** Sage 100 ARDivisionNo: two digits. */
  divisionNo: string;
  customerNo: string;
  name: string;
  termsCode?: string;
  taxSchedule?: string;
  salespersonNo?: string;
  /** Default warehouse for orders that name none. */
  warehouseCode?: string;
  shipVia?: string;
  email?: string;
}

export interface ErpItem {
  itemCode: string;
  description: string;
  price: number;
  unitOfMeasure?: string;
}

/** A code with a description: warehouses, ship-via codes, terms codes, tax schedules. */
export interface ErpCode {
  code: string;
  description: string;
}

export interface ErpMasterData {
  customers: ErpCustomer[];
  items: ErpItem[];
  warehouses: ErpCode[];
  shipVias: ErpCode[];
  termsCodes: ErpCode[];
  taxSchedules: ErpCode[];
}

export type ErpListName = keyof ErpMasterData;

export function emptyMasterData(): ErpMasterData {
  return { customers: [], items: [], warehouses: [], shipVias: [], termsCodes: [], taxSchedules: [] };
}

export function customerKey(divisionNo: string, customerNo: string): string {
  return `${divisionNo}-${customerNo}`;
}
