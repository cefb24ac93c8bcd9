/** Money is kept in integer minor units to avoid float drift. */

/** GraphQL Decimal rendering, the way Shopify prints it: "10.0", "12.5", "12.34". */
export function decimalString(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  if (frac === 0) return `${sign}${whole}.0`;
  if (frac % 10 === 0) return `${sign}${whole}.${frac / 10}`;
  return `${sign}${whole}.${String(frac).padStart(2, '0')}`;
}

/** REST (webhook payload) rendering: always two decimals, "10.00". */
export function restMoneyString(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Parses "12.5" / "12.50" / 12.5 into cents. */
export function toCents(amount: string | number): number {
  return Math.round(Number(amount) * 100);
}
