import { createHash } from 'node:crypto';

/**
 * A carrier-looking tracking number derived from a counter, so runs are reproducible:
 * UPS-style 1Z… for UPS ship-vias, 12 digits for FedEx, 22 for USPS, else a generic one.
 */
export function trackingNumber(shipVia: string, serial: number, maxLength: number): string {
  const digest = createHash('sha256').update(`${shipVia}:${serial}`).digest('hex').toUpperCase();
  const digits = BigInt(`0x${digest.slice(0, 24)}`).toString().padStart(24, '0');
  const via = shipVia.toUpperCase();
  let tracking: string;
  if (via.startsWith('UPS')) tracking = `1Z${digest.slice(0, 16)}`;
  else if (via.startsWith('FEDEX') || via.startsWith('FDX')) tracking = digits.slice(0, 12);
  else if (via.startsWith('USPS')) tracking = `9400${digits.slice(0, 18)}`;
  else tracking = `TRK${digits.slice(0, 15)}`;
  return tracking.slice(0, maxLength);
}
