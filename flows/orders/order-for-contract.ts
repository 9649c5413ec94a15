import { fromMinor, totalsOf } from '../stock/api.js';
import { findOrder } from './service.js';

/** What a contract written from an order takes from it: the order's customer and priced total. */
export type OrderForContract =
  | { ok: true; no: string; customerName: string; amount: number; currency: string }
  | { ok: false; why: 'none' | 'noCustomer' | 'unpriced' | 'mixed' };

/**
 * The order `no` as a contract would be written from it. Refused when the order is unknown, tied
 * to no CRM customer (placed before orders knew them), has no priced line, or is priced in more
 * than one currency (a contract has one).
 */
export async function orderForContract(no: string): Promise<OrderForContract> {
  const order = await findOrder(no);
  if (!order) return { ok: false, why: 'none' };
  if (!order.customerId) return { ok: false, why: 'noCustomer' };
  const totals = totalsOf(
    order.lines
      .filter((l) => l.currency && l.price)
      .map((l) => ({ qty: l.qty, price: l.price ?? 0, currency: l.currency ?? '' })),
  );
  const [total, ...more] = totals;
  if (!total || total.minor === 0) return { ok: false, why: 'unpriced' };
  if (more.length > 0) return { ok: false, why: 'mixed' };
  return {
    ok: true,
    no: order.no,
    customerName: order.customerName,
    amount: fromMinor(total.minor),
    currency: total.currency,
  };
}
