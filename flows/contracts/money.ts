/** Amounts are kept with two decimals; sums and comparisons go through whole cents. */
export const cents = (amount: number) => Math.round(amount * 100);
export const fromCents = (c: number) => c / 100;

/** "30,000.00 CNY" */
export function money(amount: number, currency: string): string {
  return `${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
}

/** What is still to be received on a contract. */
export const outstanding = (c: { instalments: { amount: number; paid: number }[] }) =>
  fromCents(c.instalments.reduce((s, p) => s + cents(p.amount) - cents(p.paid), 0));

/** Over 0, at most `max`, no third decimal (12.345 is a typo, not rounded away). */
export const okAmount = (x: number, max: number) =>
  Number.isFinite(x) && x > 0 && x <= max && Math.abs(cents(x) - x * 100) < 1e-6;
