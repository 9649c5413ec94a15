import type mongoose from 'mongoose';
import { SalesOrder, type SalesOrderDoc } from '../../db/models/sales-order.js';
import { totalsOf } from '../stock/api.js';
import { customerOrders } from './keys.js';

/** A customer's orders in a window: how many, and totals per currency in minor units. */
export type CustomerRevenue = { orders: number; totals: { currency: string; minor: number }[] };

/**
 * Orders placed for a customer in [from, to), cancelled ones left out, with their priced lines
 * summed per currency (a line from before prices were kept adds nothing). Read by `_id` from the
 * customer's list, newest last, so a long-standing customer costs at most `limit` point reads.
 */
export async function customerRevenue(
  customerId: mongoose.Types.ObjectId | string,
  from: Date,
  to: Date,
  limit = 500,
): Promise<CustomerRevenue> {
  const ids = (await customerOrders.read(customerId)).slice(-limit);
  const docs = await Promise.all(ids.map((id) => SalesOrder.findById(id).lean<SalesOrderDoc>()));
  const counted = docs.filter(
    (o): o is SalesOrderDoc =>
      o !== null && o.status !== 'cancelled' && o.createdAt >= from && o.createdAt < to,
  );
  const lines = counted.flatMap((o) =>
    o.lines
      .filter((l) => l.currency)
      .map((l) => ({ qty: l.qty, price: l.price ?? 0, currency: l.currency ?? '' })),
  );
  return { orders: counted.length, totals: totalsOf(lines) };
}
