import type mongoose from 'mongoose';
import { withLock } from '../../db/claims.js';
import { SalesOrder } from '../../db/models/sales-order.js';
import { walk } from '../../db/walk.js';
import type { MigrationSpec } from '../../src/bot/flow.js';
import { findByName } from '../crm/api.js';
import { customerOrders } from './keys.js';

type Id = mongoose.Types.ObjectId;
type Named = { _id: Id; no: string; customerName: string; customerId?: Id | null };

/**
 * Orders placed while customers were free text get the id of the CRM customer of exactly that
 * name (folded: case, width, spaces) and go on its list; the others are left as they are and
 * returned. Idempotent: an order that has an id is skipped, and the list add is a set add.
 */
export async function matchOrders(
  orders: Named[],
  now: Date,
): Promise<{ matched: number; unmatched: Named[] }> {
  let matched = 0;
  const unmatched: Named[] = [];
  for (const o of orders) {
    if (o.customerId) continue;
    const customer = await findByName(o.customerName);
    if (!customer) {
      unmatched.push(o);
      continue;
    }
    const customerId = customer._id;
    await withLock(customerOrders.lockOf(customerId), now, async () => {
      await SalesOrder.updateOne({ _id: o._id, customerId: null }, { $set: { customerId } });
      await customerOrders.add(customerId, [o._id]);
    });
    matched++;
  }
  return { matched, unmatched };
}

const fields = { no: 1, customerName: 1, customerId: 1 } as const;

/** At start-up, once: what the admin route below reports on and can repeat. */
export const orderCustomerMigration: MigrationSpec = {
  id: 'orders.customer-ids',
  step: walk<Named>(SalesOrder, fields, 2000, async (rows, now) => {
    await matchOrders(rows, now);
  }),
};

/**
 * `POST /api/orders/match-customers`: matches again (customers added since), and says which orders
 * still name nobody the CRM knows, so an admin can create or rename those customers. Reads every
 * order: an admin's report, not a turn.
 */
export async function matchCustomersReport(now: Date): Promise<{
  matched: number;
  unmatched: number;
  orders: { no: string; customer: string }[];
}> {
  const rows = await SalesOrder.find({ customerId: null }, fields).lean<Named[]>();
  const { matched, unmatched } = await matchOrders(rows, now);
  return {
    matched,
    unmatched: unmatched.length,
    orders: unmatched.map((o) => ({ no: o.no, customer: o.customerName })),
  };
}
