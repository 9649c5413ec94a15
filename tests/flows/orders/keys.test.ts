import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../../db/migrations.js';
import { Employee } from '../../../db/models/employee.js';
import { MigrationState } from '../../../db/models/migration.js';
import { OwnerList } from '../../../db/models/owner-list.js';
import { Pointer } from '../../../db/models/pointer.js';
import { SalesOrder } from '../../../db/models/sales-order.js';
import { ordersFlow } from '../../../flows/orders/index.js';
import { openOrders, purchaseIdOf } from '../../../flows/orders/keys.js';
import { relistOrders } from '../../../flows/orders/migrations.js';
import { OPEN } from '../../../flows/orders/pipeline.js';
import { advanceOrder, findOrder, listMyOpenOrders, placeOrder } from '../../../flows/orders/service.js';
import { seedDemoCompany } from '../../../flows/org/demo-company.js';
import { findActiveByEmail } from '../../../flows/org/service.js';
import { seedDemoStock } from '../../../flows/stock/demo.js';
import type { Person } from '../../../src/bot/types.js';
import { createLogger } from '../../../src/logger.js';
import { useTestDb } from '../../helpers/db.js';

useTestDb();

const at = new Date('2026-12-01T02:00:00Z');
const people: Record<string, Person> = {};
const place = (owner: Person, qty = 1) =>
  placeOrder({
    owner,
    customer: { id: HUAXIN, name: '华信科技' },
    lines: [{ sku: 'SKU-1001', qty }],
    note: '',
    at,
    currency: 'CNY',
  });
// the orders here are about numbers and owners' lists: any customer id does
const HUAXIN = String(new mongoose.Types.ObjectId());
/** What "my orders" must show: every open order of theirs, newest first (ties in any order). */
const openOf = async (p: Person) =>
  (
    await SalesOrder.find(
      { ownerId: new mongoose.Types.ObjectId(p.id), status: { $in: OPEN } },
      { no: 1 },
    ).lean()
  )
    .map((o) => o.no)
    .sort();
const mine = async (p: Person) => (await listMyOpenOrders(p.id, 100)).map((o) => o.no).sort();

beforeAll(async () => {
  await seedDemoCompany(at);
  await seedDemoStock(at);
  for (const e of await Employee.find({}).lean())
    people[e.email.split('@')[0] ?? ''] = (await findActiveByEmail(e.email)) as Person;
});

describe('orders by number and per owner', () => {
  it('an order is found by its number through a pointer, in any case', async () => {
    const placed = await place(people['zhang.min'] as Person);
    if (!placed.ok) throw new Error('not placed');
    const pointer = await Pointer.findById(`order-no:${placed.order.no}`).lean();
    expect(String(pointer?.ref)).toBe(String(placed.order._id));
    expect((await findOrder(placed.order.no.toLowerCase()))?.no).toBe(placed.order.no);
    expect(await findOrder('SO-999999')).toBeNull();
  });

  it('"my orders" stays exact while orders are placed and closed in parallel', async () => {
    const zhang = people['zhang.min'] as Person;
    const alice = people['alice.chen'] as Person;
    const placed = await Promise.all(Array.from({ length: 12 }, (_, i) => place(i % 3 ? zhang : alice)));
    const orders = placed.flatMap((p) => (p.ok ? [p.order] : []));
    expect(orders).toHaveLength(12);
    await Promise.all(
      orders.slice(0, 8).map((o) =>
        advanceOrder({
          no: o.no,
          actor: String(o.ownerId) === zhang.id ? zhang : alice,
          action: 'cancel',
          at,
        }),
      ),
    );
    expect(await mine(zhang)).toEqual(await openOf(zhang));
    expect(await mine(alice)).toEqual(await openOf(alice));
    expect((await openOrders.read(zhang.id)).length).toBe((await openOf(zhang)).length);
  });

  it('the relist repairs an owner list and a pointer that were lost', async () => {
    const zhang = people['zhang.min'] as Person;
    const before = await mine(zhang);
    const [first] = before;
    await OwnerList.updateOne({ _id: `open-orders:${zhang.id}` }, { $set: { ids: [] } });
    await Pointer.deleteOne({ _id: `order-no:${first}` });
    expect(await mine(zhang)).toEqual([]);
    await relistOrders(at);
    expect(await mine(zhang)).toEqual(before);
    expect((await findOrder(first ?? ''))?.no).toBe(first);
  });

  it('migrates orders written before their numbers were pointers; twice changes nothing', async () => {
    const zhang = people['zhang.min'] as Person;
    const expected = await mine(zhang);
    const purchase = new mongoose.Types.ObjectId();
    await mongoose.connection
      .collection('purchaseorders')
      .insertOne({ _id: purchase, no: 'PO-7001', lines: [] });
    // as they were: no pointers, no lists
    await Pointer.deleteMany({});
    await OwnerList.deleteMany({});
    const migrations = (ordersFlow.migrations ?? []).filter(
      (m) => m.id !== 'orders.suppliers-from-purchases',
    );
    const log = createLogger('silent');
    await runMigrations(migrations, log, () => at);
    expect(await mine(zhang)).toEqual(expected);
    expect(String(await purchaseIdOf('po-7001'))).toBe(String(purchase));
    await MigrationState.deleteMany({});
    await runMigrations(migrations, log, () => at);
    expect(await mine(zhang)).toEqual(expected);
    expect((await openOrders.read(zhang.id)).length).toBe(expected.length);
  });
});
