import { decimalString } from '../../store/money';

/** A MoneyBag in the shop currency; presentment money is the same (no multi-currency). */
export function moneyBag(
  cents: number,
  currencyCode: string,
): { shopMoney: object; presentmentMoney: object } {
  const money = { amount: decimalString(cents), currencyCode };
  return { shopMoney: money, presentmentMoney: { ...money } };
}
