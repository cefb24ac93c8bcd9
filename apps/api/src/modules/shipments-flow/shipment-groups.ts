import { ShipmentLine } from '@ferry/cimcloud';

/** One ERP package: what becomes one Shopify fulfillment with one tracking number. */
export interface ShipmentPackage {
  /** `invoice|package`: the ledger key. */
  key: string;
  orderNumber: string;
  invoiceNo: string;
  packageNo: string;
  trackingNumber: string | null;
  shipVia: string | null;
  lines: Array<{ item_code: string; quantity: number }>;
}

/** Groups shipped lines (one per line per package per invoice) into packages; repeated lines (the cursor re-reads) count once. */
export function groupIntoPackages(lines: ShipmentLine[]): ShipmentPackage[] {
  const packages = new Map<string, ShipmentPackage & { seen: Set<string> }>();
  for (const line of lines) {
    const key = `${line.invoiceNo}|${line.packageNo}`;
    const pkg = packages.get(key) ?? {
      key,
      orderNumber: line.orderNumber,
      invoiceNo: line.invoiceNo,
      packageNo: line.packageNo,
      trackingNumber: line.trackingId ?? null,
      shipVia: line.shipVia ?? null,
      lines: [],
      seen: new Set<string>(),
    };
    if (!pkg.seen.has(line.shipmentId)) {
      pkg.seen.add(line.shipmentId);
      const same = pkg.lines.find((l) => l.item_code === line.sku);
      if (same) same.quantity += line.quantityShipped;
      else pkg.lines.push({ item_code: line.sku, quantity: line.quantityShipped });
    }
    packages.set(key, pkg);
  }
  return [...packages.values()].map(({ seen: _seen, ...pkg }) => pkg);
}
