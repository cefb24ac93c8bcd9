import type { EmulatorClock } from '../core/clock';

/** One item at one warehouse. Available is derived: on hand minus committed. */
export interface StockLevel {
  itemCode: string;
  warehouseCode: string;
  onHand: number;
  committed: number;
  updatedAt: string;
  /** Change counter, to order rows changed within the same millisecond. */
  seq: number;
}

/** Stock per item and warehouse; every change stamps updated-at for incremental reads. */
export class StockLedger {
  private readonly levels = new Map<string, StockLevel>();
  private seq = 0;

  constructor(private readonly clock: EmulatorClock) {}

  get(itemCode: string, warehouseCode: string): StockLevel | undefined {
    return this.levels.get(`${itemCode}|${warehouseCode}`);
  }

  /** Sets on hand (and optionally committed) outright, creating the row if needed. */
  set(itemCode: string, warehouseCode: string, onHand: number, committed?: number): StockLevel {
    const current = this.get(itemCode, warehouseCode);
    return this.write(itemCode, warehouseCode, onHand, committed ?? current?.committed ?? 0);
  }

  /** Moves on hand and committed by deltas, creating the row at zero if needed. */
  adjust(itemCode: string, warehouseCode: string, onHandDelta: number, committedDelta: number): StockLevel {
    const current = this.get(itemCode, warehouseCode);
    return this.write(
      itemCode,
      warehouseCode,
      (current?.onHand ?? 0) + onHandDelta,
      Math.max(0, (current?.committed ?? 0) + committedDelta),
    );
  }

  /** Rows in change order: oldest first, as an incremental reader wants them. */
  rows(): StockLevel[] {
    return [...this.levels.values()].sort((a, b) => a.seq - b.seq);
  }

  private write(itemCode: string, warehouseCode: string, onHand: number, committed: number): StockLevel {
    const level: StockLevel = { itemCode, warehouseCode, onHand, committed, updatedAt: this.clock.iso(), seq: ++this.seq };
    this.levels.set(`${itemCode}|${warehouseCode}`, level);
    return level;
  }
}
