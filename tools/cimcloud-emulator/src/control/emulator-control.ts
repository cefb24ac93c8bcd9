import type { EmulatorContext } from '../core/emulator-context';
import type { DemoDriver, DemoTickResult } from '../demo/demo-driver';
import type { ErpProfile } from '../erp/erp-profile';
import type { ErpMasterData } from '../erp/master-data';
import { SAGE100_PROFILE } from '../erp/sage100-profile';
import { shipOrder, ShipmentError, type ShipRequest, type ShipResult } from '../erp/ship-order';
import type { StockLevel } from '../erp/stock-ledger';
import type { FaultSpec } from '../faults/fault-spec';
import type { RateLimitSettings } from '../limits/rate-limit-settings';
import type { PipelineTiming } from '../passthrough/order-pipeline';
import type { AuthorizationSeed, SiteSeed, StockSeed } from '../sites/site-seed';
import { createSiteState, type CallRecord, type SiteState, type StoredOrder } from '../sites/site-state';

export interface StockChange {
  itemCode: string;
  warehouseCode: string;
  /** Added to on hand (negative to remove). */
  onHandDelta: number;
}

/** A site name the control API does not know. */
export class UnknownSiteError extends Error {}

export { ShipmentError };

/**
 * The in-process control API; `/_emulator/…` exposes the same operations over HTTP.
 * Seeds sites, credentials, ERP master data and stock; triggers imports, shipments and
 * stock changes; injects faults; moves the clock.
 */
export class EmulatorControl {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly demo: DemoDriver,
    private readonly defaultProfile: ErpProfile = SAGE100_PROFILE,
  ) {}

  addSite(seed: SiteSeed): void {
    const name = seed.name.toLowerCase();
    const site = createSiteState(name, seed.profile ?? this.defaultProfile, this.ctx.clock, seed.salesOrderStart ?? 100000);
    this.ctx.sites.set(name, site);
    for (const auth of seed.authorizations ?? []) this.addAuthorization(name, auth);
    if (seed.masterData) site.master.upsert(seed.masterData);
    if (seed.stock) this.setStock(name, seed.stock);
  }

  removeSite(name: string): void {
    this.ctx.sites.delete(name.toLowerCase());
  }

  siteNames(): string[] {
    return [...this.ctx.sites.keys()];
  }

  addAuthorization(siteName: string, seed: AuthorizationSeed): void {
    this.site(siteName).authorizations.set(seed.authKey, {
      id: seed.id ?? seed.authKey,
      authKey: seed.authKey,
      userName: seed.userName,
      password: seed.password,
      disabled: false,
    });
  }

  /** A disabled authorization can neither authenticate nor use its tokens. */
  setAuthorizationDisabled(siteName: string, authKey: string, disabled: boolean): void {
    const auth = this.site(siteName).authorizations.get(authKey);
    if (auth) auth.disabled = disabled;
  }

  upsertMasterData(siteName: string, data: Partial<ErpMasterData>): void {
    this.site(siteName).master.upsert(data);
  }

  masterData(siteName: string): ErpMasterData {
    return this.site(siteName).master.snapshot();
  }

  setStock(siteName: string, levels: StockSeed[]): StockLevel[] {
    const site = this.site(siteName);
    return levels.map((l) => site.stock.set(l.itemCode, l.warehouseCode, l.onHand, l.committed));
  }

  adjustStock(siteName: string, change: StockChange): StockLevel {
    return this.site(siteName).stock.adjust(change.itemCode, change.warehouseCode, change.onHandDelta, 0);
  }

  stock(siteName: string): StockLevel[] {
    return this.site(siteName).stock.rows().map((l) => ({ ...l }));
  }

  /** Processes queued batches (POSTs of more than 10 records) now. */
  processQueue(siteName: string): number {
    return this.ctx.pipeline.processQueue(this.site(siteName));
  }

  /** Lets the ERP import every pending order now. */
  runImports(siteName: string): number {
    return this.ctx.pipeline.runImports(this.site(siteName));
  }

  /** Queue, then imports: everything posted so far reaches its final import status. */
  flush(siteName: string): { batches: number; imports: number } {
    const batches = this.processQueue(siteName);
    return { batches, imports: this.runImports(siteName) };
  }

  order(siteName: string, orderNumber: string): StoredOrder | undefined {
    const order = this.site(siteName).orders.get(orderNumber);
    return order ? structuredClone(order) : undefined;
  }

  orders(siteName: string): StoredOrder[] {
    return [...this.site(siteName).orders.values()].map((o) => structuredClone(o));
  }

  /** Ships an imported order: everything open by default, or the lines and quantities given. */
  shipOrder(siteName: string, orderNumber: string, request: ShipRequest = {}): ShipResult {
    const site = this.site(siteName);
    const stored = site.orders.get(orderNumber);
    if (!stored) throw new ShipmentError(`Order ${orderNumber} is not on file.`);
    return shipOrder(site, stored, request, this.ctx.clock);
  }

  injectFault(spec: FaultSpec): number {
    return this.ctx.faults.add(spec);
  }

  clearFaults(): void {
    this.ctx.faults.clear();
  }

  faults(): FaultSpec[] {
    return this.ctx.faults.pending();
  }

  /** Invalidates bearer tokens (and with includeRefresh, refresh tokens) of a site or one authorization. */
  expireTokens(siteName: string, authKey?: string, includeRefresh = false): number {
    const site = this.site(siteName);
    const authId = authKey === undefined ? undefined : site.authorizations.get(authKey)?.id;
    return this.ctx.tokens.expire(site.name, authId, includeRefresh);
  }

  /** null lifts the limits (benchmarks); counters restart either way. */
  setRateLimits(settings: RateLimitSettings | null): void {
    this.ctx.limiter.configure(settings);
  }

  rateLimits(): RateLimitSettings | null {
    return this.ctx.limiter.current();
  }

  setTiming(timing: Partial<PipelineTiming>): void {
    this.ctx.pipeline.setTiming(timing);
  }

  /** Moves the emulator's clock: token expiry and the 15-minute window follow it. */
  advanceClock(ms: number): void {
    this.ctx.clock.advance(ms);
  }

  now(): string {
    return this.ctx.clock.iso();
  }

  calls(siteName: string): CallRecord[] {
    return [...this.site(siteName).calls];
  }

  clearCalls(siteName: string): void {
    this.site(siteName).calls.length = 0;
  }

  /** One step of the demo clock: a shipment and a stock change, when there is something to do. */
  demoTick(siteName: string): DemoTickResult {
    return this.demo.tick(this.site(siteName));
  }

  private site(name: string): SiteState {
    const site = this.ctx.sites.get(name.toLowerCase());
    if (!site) throw new UnknownSiteError(`Unknown site "${name}".`);
    return site;
  }
}
