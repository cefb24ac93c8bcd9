import type { EmulatorClock } from '../core/clock';
import type { SiteState, StoredOrder } from '../sites/site-state';
import type { ShipmentRecord } from './shipment-record';
import { trackingNumber } from './tracking-number';

export interface ShipLineRequest {
  /** Line number (1-based) or item code; line number wins when both are given. */
  lineNo?: number;
  itemCode?: string;
  quantity: number;
}

export interface ShipRequest {
  /** Lines and quantities to ship; omitted means everything still open (a full shipment). */
  lines?: ShipLineRequest[];
  /** Number of packages to spread the lines over (default 1). */
  packages?: number;
  /** Overrides the order's ship-via for this shipment. */
  shipVia?: string;
}

export interface ShipResult {
  invoiceNo: string;
  records: ShipmentRecord[];
}

/** A shipment request that does not fit the order (the control API answers 409/400). */
export class ShipmentError extends Error {}

interface Chunk {
  lineNo: number;
  itemCode: string;
  quantityOrdered: number;
  quantity: number;
}

function resolveLines(stored: StoredOrder, request: ShipRequest): Chunk[] {
  if (!request.lines) {
    return stored.lines
      .filter((l) => l.quantityOrdered > l.quantityShipped)
      .map((l) => ({ lineNo: l.lineNo, itemCode: l.itemCode, quantityOrdered: l.quantityOrdered, quantity: l.quantityOrdered - l.quantityShipped }));
  }
  return request.lines.map((wanted) => {
    const line = stored.lines.find((l) =>
      wanted.lineNo !== undefined ? l.lineNo === wanted.lineNo : l.itemCode === wanted.itemCode && l.quantityShipped < l.quantityOrdered,
    );
    if (!line) throw new ShipmentError(`Order ${stored.orderNumber} has no open line ${wanted.lineNo ?? wanted.itemCode}.`);
    if (!(wanted.quantity > 0) || wanted.quantity > line.quantityOrdered - line.quantityShipped) {
      throw new ShipmentError(
        `Cannot ship ${wanted.quantity} of line ${line.lineNo}: ${line.quantityOrdered - line.quantityShipped} open.`,
      );
    }
    return { lineNo: line.lineNo, itemCode: line.itemCode, quantityOrdered: line.quantityOrdered, quantity: wanted.quantity };
  });
}

/** Spreads lines over packages; with fewer lines than packages, quantities are split. */
function pack(chunks: Chunk[], packages: number): Chunk[][] {
  if (chunks.length >= packages) {
    const boxes: Chunk[][] = Array.from({ length: packages }, () => []);
    chunks.forEach((chunk, i) => boxes[i % packages].push(chunk));
    return boxes;
  }
  const perChunk = chunks.map(() => 1);
  let extra = packages - chunks.length;
  let progress = true;
  while (extra > 0 && progress) {
    progress = false;
    chunks.forEach((chunk, i) => {
      if (extra > 0 && Number.isInteger(chunk.quantity) && perChunk[i] < chunk.quantity) {
        perChunk[i]++;
        extra--;
        progress = true;
      }
    });
  }
  const boxes: Chunk[][] = [];
  chunks.forEach((chunk, i) => {
    const n = perChunk[i];
    const base = n === 1 ? chunk.quantity : Math.floor(chunk.quantity / n);
    let remainder = chunk.quantity - base * n;
    for (let k = 0; k < n; k++) {
      const quantity = base + (remainder > 0 ? 1 : 0);
      remainder--;
      boxes.push([{ ...chunk, quantity }]);
    }
  });
  return boxes;
}

/** Invoices and ships an imported order (fully or partly) and moves stock out. */
export function shipOrder(site: SiteState, stored: StoredOrder, request: ShipRequest, clock: EmulatorClock): ShipResult {
  if (stored.status !== 'imported' || !stored.salesOrderNo) {
    throw new ShipmentError(`Order ${stored.orderNumber} has not been imported into the ERP.`);
  }
  // Sage 100 does not ship an order on hold.
  if (stored.order?.header['erp_order_status'] === 'H') throw new ShipmentError(`Order ${stored.orderNumber} is on hold.`);
  const chunks = resolveLines(stored, request);
  if (chunks.length === 0) throw new ShipmentError(`Order ${stored.orderNumber} has nothing left to ship.`);
  const packages = Math.max(1, Math.floor(request.packages ?? 1));
  const profile = site.profile;
  const invoiceNo = String(site.counters.invoice++).padStart(profile.invoiceNoLength, '0');
  const shipVia = request.shipVia ?? stored.shipVia ?? '';
  const warehouseCode = stored.warehouseCode ?? profile.defaultWarehouse;
  const now = clock.iso();
  const records: ShipmentRecord[] = [];

  pack(chunks, packages).filter((box) => box.length > 0).forEach((box, index) => {
    const packageNo = String(index + 1).padStart(4, '0');
    const trackingId = trackingNumber(shipVia, ++site.counters.tracking, profile.trackingIdMaxLength);
    for (const chunk of box) {
      records.push({
        shipmentId: `${invoiceNo}-${packageNo}-${chunk.lineNo}`,
        orderNumber: stored.orderNumber,
        salesOrderNo: stored.salesOrderNo ?? '',
        invoiceNo,
        invoiceDate: now.slice(0, 10),
        packageNo,
        trackingId,
        shipVia,
        lineNo: chunk.lineNo,
        itemCode: chunk.itemCode,
        quantityOrdered: chunk.quantityOrdered,
        quantityShipped: chunk.quantity,
        warehouseCode,
        shippedAt: now,
        updatedAt: now,
        seq: ++site.counters.seq,
      });
    }
  });

  for (const chunk of chunks) {
    const line = stored.lines.find((l) => l.lineNo === chunk.lineNo);
    if (line) line.quantityShipped += chunk.quantity;
    site.stock.adjust(chunk.itemCode, warehouseCode, -chunk.quantity, -chunk.quantity);
  }
  stored.updatedAt = now;
  stored.seq = ++site.counters.seq;
  site.shipments.push(...records);
  return { invoiceNo, records };
}
