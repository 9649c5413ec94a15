import type mongoose from 'mongoose';
import { withLock } from '../../db/claims.js';
import { PurchaseOrder } from '../../db/models/purchase-order.js';
import { SalesOrder } from '../../db/models/sales-order.js';
import { pointAll } from '../../db/pointers.js';
import { walk } from '../../db/walk.js';
import type { MigrationSpec } from '../../src/bot/flow.js';
import { openOrders, orderNoRef, purchaseNoRef } from './keys.js';
import { OPEN } from './pipeline.js';

type Id = mongoose.Types.ObjectId;
type Listed = { _id: Id; no: string; ownerId: Id; status: (typeof OPEN)[number] | 'completed' | 'cancelled' };
const BATCH = 5000;
const fields = { no: 1, ownerId: 1, status: 1 } as const;

/** Open orders by owner. */
function openByOwner(orders: Listed[]): Map<string, Id[]> {
  const owners = new Map<string, Id[]>();
  for (const o of orders) {
    if (!OPEN.includes(o.status)) continue;
    owners.set(String(o.ownerId), [...(owners.get(String(o.ownerId)) ?? []), o._id]);
  }
  return owners;
}

/** Their numbers' pointers, and each open one on its owner's list (idempotent: a batch may repeat). */
export async function keyOrders(orders: Listed[], now: Date): Promise<void> {
  await pointAll(
    orders.map((o) => ({ key: orderNoRef(o.no), ref: o._id })),
    now,
  );
  for (const [owner, ids] of openByOwner(orders))
    await withLock(openOrders.lockOf(owner), now, () => openOrders.add(owner, ids));
}

/** Sales orders written before their numbers were pointers and owners listed their open ones. */
export const salesOrderKeysMigration: MigrationSpec = {
  id: 'orders.sales-order-keys',
  step: walk<Listed>(SalesOrder, fields, BATCH, keyOrders),
};

/** Purchase orders written before their numbers were pointers. */
export const purchaseOrderKeysMigration: MigrationSpec = {
  id: 'orders.purchase-order-keys',
  step: walk<{ _id: Id; no: string }>(PurchaseOrder, { no: 1 }, BATCH, (rows, now) =>
    pointAll(
      rows.map((o) => ({ key: purchaseNoRef(o.no), ref: o._id })),
      now,
    ),
  ),
};

/**
 * The repair of what orders keep on write (`POST /api/orders/relist`): every number's pointer and
 * every owner's open orders, from one read of all sales orders — an admin's repair, not a turn.
 */
export async function relistOrders(now: Date): Promise<{ orders: number; owners: number }> {
  const rows = await SalesOrder.find({}, fields).lean<Listed[]>();
  await pointAll(
    rows.map((o) => ({ key: orderNoRef(o.no), ref: o._id })),
    now,
  );
  const open = openByOwner(rows);
  const holds = (owner: string) => async (id: Id) => {
    const order = await SalesOrder.findById(id, { ownerId: 1, status: 1 }).lean<Listed>();
    return order?.ownerId.equals(owner) === true && OPEN.includes(order.status);
  };
  for (const owner of new Set([...open.keys(), ...(await openOrders.owners())]))
    await openOrders.settle(owner, open.get(owner) ?? [], holds(owner), now);
  return { orders: rows.length, owners: open.size };
}
