/**
 * Money as the catalogue and order lines keep it: a price is a number with at most two decimals
 * in a currency; sums are taken in minor units (cents, 分) so that 0.1 + 0.2 stays 0.30.
 */
export type Priced = { qty: number; price: number; currency: string };

export const toMinor = (amount: number): number => Math.round(amount * 100);
export const fromMinor = (minor: number): number => minor / 100;

/** A price people may write: over 0, at most 10,000,000, at most two decimals. */
export const isPrice = (n: number): boolean =>
  Number.isFinite(n) && n > 0 && n <= 10_000_000 && Math.abs(toMinor(n) - n * 100) < 1e-6;

export const lineMinor = (l: Priced): number => toMinor(l.price) * l.qty;

/** Totals per currency, in the order currencies first appear (an order is usually one). */
export function totalsOf(lines: Priced[]): { currency: string; minor: number }[] {
  const sums = new Map<string, number>();
  for (const l of lines) sums.set(l.currency, (sums.get(l.currency) ?? 0) + lineMinor(l));
  return [...sums].map(([currency, minor]) => ({ currency, minor }));
}

/** "¥6,000.00" / "CN¥6,000.00": the viewer's locale decides the symbol and separators. */
export const formatMoney = (minor: number, currency: string, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(fromMinor(minor));

/** Several currencies joined with " + "; nothing priced reads as "–". */
export const formatTotals = (totals: { currency: string; minor: number }[], locale: string): string =>
  totals.length === 0 ? '–' : totals.map((t) => formatMoney(t.minor, t.currency, locale)).join(' + ');
