import { describe, expect, it } from 'vitest';
import { Customer } from '../../db/models/customer.js';
import { Employee } from '../../db/models/employee.js';
import { Product } from '../../db/models/product.js';
import { PurchaseOrder } from '../../db/models/purchase-order.js';
import { SalesOrder } from '../../db/models/sales-order.js';
import { StockLevel } from '../../db/models/stock-level.js';
import { StockMovement } from '../../db/models/stock-movement.js';
import { Warehouse } from '../../db/models/warehouse.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, textOf } from '../helpers/chat.js';

const app = useTestApp();
const { say, click, cards } = chatAs(app);
const soOf = (title: string) => /SO-\d+/.exec(title)?.[0] ?? '';

async function level(sku: string, code = 'MAIN') {
  const p = await Product.findOne({ sku }).lean();
  const w = await Warehouse.findOne({ code }).lean();
  return StockLevel.findOne({ productId: p?._id, warehouseId: w?._id }).lean();
}

describe('sales orders through the web chat', () => {
  it('the demo company has orders at different steps and a purchase waiting for approval', async () => {
    const statuses = (await SalesOrder.find({}, { status: 1 }).lean()).map((o) => o.status).sort();
    expect(statuses).toEqual(['completed', 'delivered', 'placed', 'production']);
    const po = await PurchaseOrder.findOne({ supplierName: '深圳华强' }).lean();
    expect(po?.approvalNo).toMatch(/^AP-\d+$/);
    expect(textOf(await say('wu.jun', `收货 ${po?.no}`))).toMatch(/还在审批中/);
  });

  it('placing reserves stock and gives a numbered card; the warehouse gets it too', async () => {
    const before = await level('SKU-1001');
    const card = cardOf(await say('zhang.min', '下单 华信科技 SKU-1001x5 SKU-2002x1 周五前送到'));
    const no = soOf(card.title);
    expect(card.title).toBe(`${no} · 华信科技`);
    expect(card.subtitle).toBe('已下单');
    expect(card.fields).toContainEqual(['SKU-1001 路由器', '× 5 @ ¥399.00 = ¥1,995.00']);
    expect(card.fields).toContainEqual(['合计', '¥2,894.00']);
    // production is the warehouse's to start: the salesperson's card offers only cancelling
    expect(card.actions.map((a) => a.value)).toEqual([`${no} cancel`]);
    expect((await level('SKU-1001'))?.reserved).toBe((before?.reserved ?? 0) + 5);
    const warehouse = (await cards('zhou.qiang')).find((c) => c.title.startsWith(no));
    expect(warehouse?.actions.map((a) => a.value)).toEqual([`${no} produce`]);
    const stock = cardOf(await say('zhang.min', '库存 SKU-1001'));
    expect(stock.fields).toContainEqual(['主仓', '在库 110 · 预留 10 · 可用 100']);
  });

  it('refuses an order it cannot cover, showing the shortfall, and writes nothing', async () => {
    const movements = await StockMovement.countDocuments();
    const orders = await SalesOrder.countDocuments();
    const reply = textOf(await say('alice.chen', 'order Contoso SKU-1001x1 SKU-2002x500'));
    expect(reply).toBe(
      'Not enough stock; no order placed:\nSKU-2002 Switch S2: wanted 500, at most 27 available in one warehouse (short 473)',
    );
    expect(textOf(await say('alice.chen', 'order Contoso SKU-9999x1'))).toBe('There is no product SKU-9999.');
    expect(textOf(await say('alice.chen', 'order Contoso SKU-1001x0'))).toMatch(/^The quantity must be/);
    expect(textOf(await say('wu.jun', '下单 华信科技 SKU-1001x1'))).toBe('只有销售可以下单。');
    expect(await StockMovement.countDocuments()).toBe(movements);
    expect(await SalesOrder.countDocuments()).toBe(orders);
  });

  it('walks the whole pipeline by the right roles; shipping turns the reservation into a stock-out', async () => {
    const no = soOf(cardOf(await say('alice.chen', 'order Fabrikam SKU-2002x2')).title);
    const start = await level('SKU-2002');
    expect(textOf(await say('alice.chen', `order ${no} produce`))).toBe(
      '"Start production" is done by the warehouse.',
    );
    expect(textOf(await say('wu.jun', `订单 ${no} 发货 顺丰 SF1`))).toMatch(/不能“发货”（不能跳步）/);
    expect(textOf(await click('wu.jun', 'orders.advance', `${no} produce`))).toBe(`${no} → 生产中。`);
    expect(textOf(await click('wu.jun', 'orders.advance', `${no} ship`))).toBe(
      `请回复：订单 ${no} 发货 <物流公司> <运单号>`,
    );
    expect(textOf(await say('wu.jun', `order ${no} ship UPS 1Z999`))).toBe(`${no} → shipped.`);
    const shipped = await level('SKU-2002');
    expect(shipped?.onHand).toBe((start?.onHand ?? 0) - 2);
    expect(shipped?.reserved).toBe((start?.reserved ?? 0) - 2);
    expect(textOf(await say('wu.jun', `订单 ${no} 物流`))).toBe(`${no} → 运输中。`);
    expect(textOf(await say('wu.jun', `订单 ${no} 送达`))).toBe('“确认送达”应由订单负责人操作。');
    expect(textOf(await say('alice.chen', `order ${no} deliver`))).toBe(`${no} → delivered.`);
    expect(textOf(await say('alice.chen', `advance order ${no} install`))).toBe(`${no} → installed.`);
    expect(textOf(await say('alice.chen', `order ${no} cancel`))).toMatch(
      /is installed; "Cancel" is not the next step/,
    );
    expect(textOf(await say('alice.chen', `order ${no} complete`))).toBe(`${no} → completed.`);

    const timeline = cardOf(await say('alice.chen', `order ${no}`));
    expect(timeline.body?.split('\n').map((l) => l.split(' · ')[0]?.slice(12))).toEqual([
      'Placed',
      'Start production',
      'Ship',
      'In transit',
      'Delivered',
      'Installed',
      'Complete',
    ]);
    expect(timeline.fields).toContainEqual(['Shipping', 'UPS 1Z999']);
    // the owner was told of every step someone else took
    expect((await cards('alice.chen')).filter((c) => c.title.startsWith(no)).map((c) => c.subtitle)).toEqual([
      'in production',
      'shipped',
      'in transit',
    ]);
    const ship = await StockMovement.findOne({ ref: no, kind: 'ship' }).lean();
    expect(ship).toMatchObject({ qty: -2, reservedDelta: -2 });
  });

  it('cancelling releases the reservation; a double click moves stock once', async () => {
    const no = soOf(cardOf(await say('zhang.min', '下单 远航制造 SKU-5005x4')).title);
    const reserved = (await level('SKU-5005'))?.reserved ?? 0;
    const replies = (
      await Promise.all([1, 2, 3].map(() => click('zhang.min', 'orders.advance', `${no} cancel`)))
    ).map(textOf);
    expect(replies.filter((r) => r === `${no} → 已取消。`)).toHaveLength(1);
    expect((await level('SKU-5005'))?.reserved).toBe(reserved - 4);
    expect(await StockMovement.countDocuments({ ref: no, kind: 'release' })).toBe(1);
  });

  it('two orders racing for the last units: one is placed, the other refused', async () => {
    await say('wu.jun', 'stock in SKU-3003 3 South');
    // Main has 60 of SKU-3003; take them so only South's 3 are left
    await say('zhang.min', '下单 天合科技 SKU-3003x60');
    const replies = (
      await Promise.all([
        say('zhang.min', '下单 博雅科技 SKU-3003x3'),
        say('alice.chen', 'order Litware SKU-3003x3'),
      ])
    ).map((r) => ('card' in (r[0] ?? {}) ? 'placed' : textOf(r)));
    expect(replies.filter((r) => r === 'placed')).toHaveLength(1);
    const south = await level('SKU-3003', 'SOUTH');
    expect(south?.reserved).toBe(3);
    const rows = await StockMovement.find({ levelId: south?._id }).lean();
    expect(rows.reduce((s, r) => s + r.reservedDelta, 0)).toBe(3);
  });

  it('my orders lists the open ones', async () => {
    const card = cardOf(await say('zhang.min', '我的订单'));
    expect(card.title).toMatch(/^我的未完成订单/);
    expect(card.fields.every(([, status]) => !['已完成', '已取消'].includes(status))).toBe(true);
    expect(card.fields.length).toBeGreaterThan(0);
  });

  it('the admin relist rebuilds what orders keep on write, and changes nothing that was right', async () => {
    const before = cardOf(await say('zhang.min', '我的订单'));
    const res = await fetch(`${app.current.url}/api/orders/relist`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(await res.json()).toEqual({
      orders: await SalesOrder.countDocuments({}),
      owners: expect.any(Number),
    });
    expect(cardOf(await say('zhang.min', '我的订单'))).toEqual(before);
    expect((await fetch(`${app.current.url}/api/orders/relist`, { method: 'POST' })).status).toBe(401);
  });
});

describe('orders and the CRM', () => {
  it("tells the customer's owner at each step when the order names a CRM customer", async () => {
    const owner = await Employee.findOne({ email: 'alice.chen@demo.example' }).lean();
    const customer = await Customer.findOne({ ownerId: owner?._id }).lean();
    const no = soOf(cardOf(await say('zhang.min', `下单 ${customer?.name} SKU-2002x1`)).title);
    await click('wu.jun', 'orders.advance', `${no} produce`);
    await say('wu.jun', `订单 ${no} 发货 顺丰 SF2`);
    await say('wu.jun', `订单 ${no} 物流`);
    await say('zhang.min', `订单 ${no} 送达`);
    // alice owns the customer, not the order: she hears of every step, whoever took it, in English
    const seen = (await cards('alice.chen')).filter((c) => c.title.startsWith(no)).map((c) => c.subtitle);
    expect(seen).toEqual(['in production', 'shipped', 'in transit', 'delivered']);
  });
});
