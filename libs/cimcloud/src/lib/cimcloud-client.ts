import { ASSUMED_RESOURCES, DOCUMENTED_RESOURCES } from './assumed-resources';
import { DEFAULT_RETRY_POLICY } from './backoff';
import { DEFAULT_BASE_URL, type CimcloudClock, type CimcloudConfig } from './cimcloud-config';
import { CimcloudError } from './cimcloud-errors';
import { readChangedSince, readPages, type Row } from './paged-reader';
import type { PassthroughOrderPayload } from './passthrough-order-payload';
import { parseImportStatus, type ImportStatus } from './records/import-status';
import { parseCustomer, parseErpCode, parseProduct, type CimcloudCustomer, type CimcloudProduct, type ErpCode } from './records/master-records';
import { parseShipmentLine, type ShipmentLine } from './records/shipment-line';
import { parseStockLevel, type StockLevel } from './records/stock-level';
import { CIMCLOUD_DEFAULT_LIMITS, RequestBudget } from './request-budget';
import { search } from './search-string';
import { sendOrders, type OrderSendOutcome } from './send-orders';
import { TokenManager } from './token-manager';
import { Transport } from './transport';

/** Rows changed since a cursor, and the cursor to pass next time. */
export interface ChangedSince<T> {
  items: T[];
  cursor: string | undefined;
}

export type ConnectionCheck = { ok: true } | { ok: false; error: CimcloudError };

/** Orders per POST that CIMcloud handles at once; more are queued asynchronously. */
export const SYNC_ORDERS_PER_CALL = 10;

const systemClock: CimcloudClock = { now: () => Date.now() };
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * CIMcloud connector for one site and one App Authorization. Every call goes through one
 * request budget, so all operations together stay within the authorization's limits.
 */
export class CimcloudClient {
  private readonly transport: Transport;
  private readonly budget: RequestBudget;
  private readonly tokens: TokenManager;
  private readonly ordersPerCall: number;

  constructor(config: CimcloudConfig) {
    const clock = config.clock ?? systemClock;
    const sleep = config.sleep ?? realSleep;
    this.budget = new RequestBudget({ ...CIMCLOUD_DEFAULT_LIMITS, ...config.limits }, clock, sleep);
    this.transport = new Transport(
      {
        baseUrl: config.baseUrl ?? DEFAULT_BASE_URL,
        site: config.site,
        fetch: config.fetch ?? globalThis.fetch.bind(globalThis),
        clock,
        sleep,
        random: config.random ?? Math.random,
        retry: { ...DEFAULT_RETRY_POLICY, ...config.retry },
        requestTimeoutMs: config.requestTimeoutMs ?? 30_000,
        maxBudgetWaitMs: config.maxBudgetWaitMs ?? Infinity,
        logger: config.logger,
        onThrottle: config.onThrottle,
      },
      this.budget,
    );
    this.tokens = new TokenManager(this.transport, config.credentials, clock, config.refreshMarginMs ?? 60 * 60 * 1000);
    this.transport.useBearerSource(this.tokens);
    this.ordersPerCall = Math.max(1, Math.floor(config.ordersPerCall ?? SYNC_ORDERS_PER_CALL));
  }

  /** "Test connection": authenticates if needed and calls `validate`. */
  async testConnection(): Promise<ConnectionCheck> {
    try {
      await this.transport.send({ method: 'GET', path: 'validate', auth: true });
      return { ok: true };
    } catch (error) {
      if (error instanceof CimcloudError) return { ok: false, error };
      throw error;
    }
  }

  /** Sends pass-through orders, batched to make the most of each call. */
  sendOrders(orders: PassthroughOrderPayload[]): Promise<OrderSendOutcome[]> {
    return sendOrders(this.transport, orders, this.ordersPerCall);
  }

  /** Import status of the given orders (up to 50 per call). Orders CIMcloud does not know are absent. */
  async importStatuses(orderNumbers: string[]): Promise<Map<string, ImportStatus>> {
    const found = new Map<string, ImportStatus>();
    const unique = [...new Set(orderNumbers)];
    for (let i = 0; i < unique.length; i += 50) {
      const filter = search.anyOf(unique.slice(i, i + 50).map((n) => search.equal('order_number', n)));
      for await (const rows of readPages(this.transport, ASSUMED_RESOURCES.importStatus, filter)) {
        for (const status of rows.map(parseImportStatus)) found.set(status.orderNumber, status);
      }
    }
    return found;
  }

  /** Import statuses changed since a cursor (`updated_at`, inclusive). */
  importStatusesSince(cursor?: string): Promise<ChangedSince<ImportStatus>> {
    return this.changedSince(ASSUMED_RESOURCES.importStatus, cursor, parseImportStatus, (s) => s.orderNumber);
  }

  /** Shipped lines changed since a cursor, one item per line per package per invoice. */
  shipmentsSince(cursor?: string): Promise<ChangedSince<ShipmentLine>> {
    return this.changedSince(ASSUMED_RESOURCES.shipments, cursor, parseShipmentLine, (s) => s.shipmentId);
  }

  /** Stock levels changed since a cursor; without a cursor, every level (a full reconcile). */
  stockSince(cursor?: string): Promise<ChangedSince<StockLevel>> {
    return this.changedSince(ASSUMED_RESOURCES.stock, cursor, parseStockLevel, (s) => `${s.sku}\u0000${s.warehouseCode}`);
  }

  /** Streams every stock level page by page (for reconciling large item masters without holding them). */
  async *stockPages(): AsyncGenerator<StockLevel[]> {
    for await (const rows of readPages(this.transport, ASSUMED_RESOURCES.stock)) yield rows.map(parseStockLevel);
  }

  customers(): Promise<CimcloudCustomer[]> {
    return this.readAll(DOCUMENTED_RESOURCES.customers, parseCustomer);
  }

  /** Every product: one call per 50, so callers cache the result rather than repeat it. */
  products(): Promise<CimcloudProduct[]> {
    return this.readAll(DOCUMENTED_RESOURCES.products, parseProduct);
  }

  async *productPages(): AsyncGenerator<CimcloudProduct[]> {
    for await (const rows of readPages(this.transport, DOCUMENTED_RESOURCES.products)) yield rows.map(parseProduct);
  }

  warehouses(): Promise<ErpCode[]> {
    return this.readAll(ASSUMED_RESOURCES.warehouses, parseErpCode('warehouse_code'));
  }

  shipVias(): Promise<ErpCode[]> {
    return this.readAll(ASSUMED_RESOURCES.shipVias, parseErpCode('ship_via'));
  }

  termsCodes(): Promise<ErpCode[]> {
    return this.readAll(ASSUMED_RESOURCES.termsCodes, parseErpCode('terms_code'));
  }

  taxSchedules(): Promise<ErpCode[]> {
    return this.readAll(ASSUMED_RESOURCES.taxSchedules, parseErpCode('tax_schedule'));
  }

  /** Calls made by this client: in the current 15-minute window and in all. */
  callUsage(): { inWindow: number; total: number } {
    return this.budget.usage();
  }

  private async readAll<T>(resource: string, parse: (row: Row) => T): Promise<T[]> {
    const items: T[] = [];
    for await (const rows of readPages(this.transport, resource)) items.push(...rows.map(parse));
    return items;
  }

  private async changedSince<T extends { updatedAt: string }>(
    resource: string,
    since: string | undefined,
    parse: (row: Row) => T,
    keyOf: (item: T) => string,
  ): Promise<ChangedSince<T>> {
    const byKey = new Map<string, T>();
    let cursor = since;
    for await (const page of readChangedSince(this.transport, resource, since)) {
      for (const item of page.rows.map(parse)) {
        byKey.delete(keyOf(item)); // re-insert so the map keeps change order
        byKey.set(keyOf(item), item);
      }
      cursor = page.cursor;
    }
    return { items: [...byKey.values()], cursor };
  }
}
