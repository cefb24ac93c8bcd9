import type { ErpLookup } from './erp-profile';
import { customerKey, type ErpCode, type ErpCustomer, type ErpItem, type ErpMasterData } from './master-data';

/** The ERP's master files for one site, keyed for lookups during import. */
export class MasterStore {
  readonly customers = new Map<string, ErpCustomer>();
  readonly items = new Map<string, ErpItem>();
  readonly warehouses = new Map<string, ErpCode>();
  readonly shipVias = new Map<string, ErpCode>();
  readonly termsCodes = new Map<string, ErpCode>();
  readonly taxSchedules = new Map<string, ErpCode>();

  /** Adds or replaces records by key; lists not given are left alone. */
  upsert(data: Partial<ErpMasterData>): void {
    for (const c of data.customers ?? []) this.customers.set(customerKey(c.divisionNo, c.customerNo), c);
    for (const i of data.items ?? []) this.items.set(i.itemCode, i);
    for (const w of data.warehouses ?? []) this.warehouses.set(w.code, w);
    for (const s of data.shipVias ?? []) this.shipVias.set(s.code, s);
    for (const t of data.termsCodes ?? []) this.termsCodes.set(t.code, t);
    for (const t of data.taxSchedules ?? []) this.taxSchedules.set(t.code, t);
  }

  /** Is the code on file? Customers are keyed by division and number together. */
  has(lookup: ErpLookup, value: string, divisionNo?: string): boolean {
    switch (lookup) {
      case 'customer':
        return this.customers.has(customerKey(divisionNo ?? '', value));
      case 'item':
        return this.items.has(value);
      case 'warehouse':
        return this.warehouses.has(value);
      case 'shipVia':
        return this.shipVias.has(value);
      case 'termsCode':
        return this.termsCodes.has(value);
      case 'taxSchedule':
        return this.taxSchedules.has(value);
    }
  }

  snapshot(): ErpMasterData {
    return {
      customers: [...this.customers.values()],
      items: [...this.items.values()],
      warehouses: [...this.warehouses.values()],
      shipVias: [...this.shipVias.values()],
      termsCodes: [...this.termsCodes.values()],
      taxSchedules: [...this.taxSchedules.values()],
    };
  }
}
