import type { EmulatorClock } from '../core/clock';
import type { SeededRandom } from '../core/seeded-random';
import type { TimerSet } from '../core/timer-set';
import { shipOrder, type ShipRequest, type ShipResult } from '../erp/ship-order';
import type { StockLevel } from '../erp/stock-ledger';
import type { SiteState } from '../sites/site-state';

export interface DemoTickResult {
  shipment?: ShipResult;
  stockChange?: StockLevel;
}

/**
 * The demo clock: every tick ships part or all of an open imported order (sometimes in
 * two packages) and moves the stock of one item, so a demo shows shipments and stock flow.
 */
export class DemoDriver {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly clock: EmulatorClock,
    private readonly timers: TimerSet,
    private readonly random: SeededRandom,
  ) {}

  start(intervalMs: number, sites: () => Iterable<SiteState>): void {
    this.stop();
    this.timer = this.timers.every(intervalMs, () => {
      for (const site of sites()) this.tick(site);
    });
  }

  stop(): void {
    if (this.timer) this.timers.cancel(this.timer);
    this.timer = undefined;
  }

  tick(site: SiteState): DemoTickResult {
    return { shipment: this.shipSomething(site), stockChange: this.moveStock(site) };
  }

  private shipSomething(site: SiteState): ShipResult | undefined {
    const open = [...site.orders.values()].filter(
      (o) =>
        o.status === 'imported' &&
        o.order?.header['erp_order_status'] !== 'H' &&
        o.lines.some((l) => l.quantityShipped < l.quantityOrdered),
    );
    const order = this.random.pick(open);
    if (!order) return undefined;
    const openLines = order.lines.filter((l) => l.quantityShipped < l.quantityOrdered);
    const request: ShipRequest = { packages: this.random.int(1, 2) };
    // Partial shipments: ship the first open line, half of it when it is the only one.
    if (this.random.next() < 0.4) {
      const line = openLines[0];
      const open = line.quantityOrdered - line.quantityShipped;
      const quantity = openLines.length > 1 ? open : Math.max(1, Math.floor(open / 2));
      request.lines = [{ lineNo: line.lineNo, quantity: Math.min(quantity, open) }];
    }
    return shipOrder(site, order, request, this.clock);
  }

  private moveStock(site: SiteState): StockLevel | undefined {
    const level = this.random.pick(site.stock.rows());
    if (!level) return undefined;
    // Mostly receipts, sometimes a cycle-count write-down.
    const delta = this.random.next() < 0.75 ? this.random.int(1, 25) : -this.random.int(1, Math.max(1, Math.min(5, level.onHand)));
    return site.stock.adjust(level.itemCode, level.warehouseCode, delta, 0);
  }
}
