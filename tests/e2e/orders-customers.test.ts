import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { Customer } from '../../db/models/customer.js';
import { FollowUp } from '../../db/models/follow-up.js';
import { Product } from '../../db/models/product.js';
import { SalesOrder } from '../../db/models/sales-order.js';
import { Sample } from '../../db/models/sample.js';
import { StockLevel } from '../../db/models/stock-level.js';
import { StockMovement } from '../../db/models/stock-movement.js';
import { Warehouse } from '../../db/models/warehouse.js';
import { orderCustomerMigration } from '../../flows/orders/match-customers.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, textOf } from '../helpers/chat.js';
import { testNow } from '../helpers/clock.js';

const app = useTestApp();
const { say, click } = chatAs(app);
const numberIn = (title: string, prefix: string) => new RegExp(`${prefix}-\\d+`).exec(title)?.[0] ?? '';
const customerId = async (name: string) => (await Customer.findOne({ name }).lean())?._id;
const orderOf = (no: string) => SalesOrder.findOne({ no }).lean();
async function level(sku: string, code = 'MAIN') {
  const p = await Product.findOne({ sku }).lean();
  const w = await Warehouse.findOne({ code }).lean();
  return StockLevel.findOne({ productId: p?._id, warehouseId: w?._id }).lean();
}
/** Everything a refused command must leave alone. */
const counts = async () =>
  Promise.all([
    SalesOrder.countDocuments(),
    Sample.countDocuments(),
    StockMovement.countDocuments(),
    FollowUp.countDocuments(),
  ]);

describe('orders belong to CRM customers and carry prices', () => {
  it('a product name resolves to its SKU, the order stores the customer id, the card shows prices and total', async () => {
    const card = cardOf(await say('zhang.min', '下单 华信科技 路由器 5台'));
    const order = await orderOf(numberIn(card.title, 'SO'));
    expect(String(order?.customerId)).toBe(String(await customerId('华信科技')));
    expect(order?.lines).toMatchObject([{ sku: 'SKU-1001', qty: 5, price: 399, currency: 'CNY' }]);
    expect(card.fields).toContainEqual(['SKU-1001 路由器', '× 5 @ ¥399.00 = ¥1,995.00']);
    expect(card.fields).toContainEqual(['合计', '¥1,995.00']);
  });

  it('a price written on the line overrides the list price, in either language', async () => {
    const zh = cardOf(await say('zhang.min', '下单 华信科技 路由器 2台 单价 350.5'));
    expect((await orderOf(numberIn(zh.title, 'SO')))?.lines[0]).toMatchObject({ qty: 2, price: 350.5 });
    expect(zh.fields).toContainEqual(['合计', '¥701.00']);
    const en = cardOf(await say('alice.chen', 'order Contoso Ltd SKU-2002x2@800 SKU-1001x1'));
    expect(en.fields).toContainEqual(['SKU-2002 Switch S2', '× 2 @ CN¥800.00 = CN¥1,600.00']);
    expect(en.fields).toContainEqual(['Total', 'CN¥1,999.00']);
  });

  it('aliases name products too', async () => {
    const card = cardOf(await say('alice.chen', 'order Contoso Ltd 2 ONU'));
    expect((await orderOf(numberIn(card.title, 'SO')))?.lines[0]).toMatchObject({ sku: 'SKU-3003', qty: 2 });
    const zh = cardOf(await say('zhang.min', '下单 华信科技 六类线 1箱'));
    expect((await orderOf(numberIn(zh.title, 'SO')))?.lines[0]).toMatchObject({ sku: 'SKU-4004', qty: 1 });
  });

  it('refuses a bad price, a customer nobody knows, and several look-alikes with a pick card; nothing written', async () => {
    const before = await counts();
    expect(textOf(await say('zhang.min', '下单 华信科技 SKU-1001x1@12.345'))).toMatch(/^单价须大于 0/);
    expect(textOf(await say('alice.chen', 'order Contoso Ltd 2 routers price 0'))).toMatch(
      /^A price must be over 0/,
    );
    const none = cardOf(await say('zhang.min', '下单 完全陌生公司 SKU-1001x1'));
    expect(none.title).toMatch(/CRM 里没有客户“完全陌生公司”/);
    const many = cardOf(await say('zhang.min', '下单 华信 SKU-1001x1'));
    expect(new Set(many.actions.map((a) => a.label))).toEqual(
      new Set(['华信医疗', '华信制造', '华信商贸', '华信科技']),
    );
    expect(await counts()).toEqual(before);
  });

  it("the customer's profile shows its latest orders with totals", async () => {
    const card = cardOf(await say('zhang.min', '下单 天合商贸 SKU-2002x1'));
    const no = numberIn(card.title, 'SO');
    const profile = cardOf(await say('li.wei', '客户 天合商贸'));
    expect(profile.body).toMatch(new RegExp(`订单:\\n${no} \\d{4}-\\d{2}-\\d{2} 已下单 · ¥899.00`));
  });

  it('orders from before customers had ids are matched by exact name; the admin report lists the rest', async () => {
    const old = (no: string, customerName: string) => ({
      _id: new mongoose.Types.ObjectId(),
      no,
      customerName,
      ownerId: new mongoose.Types.ObjectId(),
      lines: [],
      status: 'completed',
      history: [],
      version: 0,
      createdAt: testNow(),
    });
    await SalesOrder.collection.insertMany([old('SO-0001', '  远航制造 '), old('SO-0002', 'Gone Trading')]);
    await orderCustomerMigration.step(null, testNow());
    expect(String((await orderOf('SO-0001'))?.customerId)).toBe(String(await customerId('远航制造')));
    const res = await fetch(`${app.current.url}/api/orders/match-customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(await res.json()).toEqual({
      matched: 0,
      unmatched: 1,
      orders: [{ no: 'SO-0002', customer: 'Gone Trading' }],
    });
    expect((await orderOf('SO-0002'))?.customerId ?? null).toBeNull();
    const profile = cardOf(await say('li.wei', '客户 远航制造'));
    expect(profile.body).toMatch(/SO-0001 .* 已完成 · –/);
  });
});

describe('samples (送样)', () => {
  it('under the line: a sample stock-out with the customer id, on the timeline, the profile and the ledger export', async () => {
    const before = (await level('SKU-1001'))?.onHand ?? 0;
    const card = cardOf(await say('zhang.min', '送样 远航制造 路由器 2 展会演示'));
    const no = numberIn(card.title, 'SMP');
    expect(card.subtitle).toBe('已送出');
    expect(card.fields).toContainEqual(['价值', '¥798.00']);
    expect((await level('SKU-1001'))?.onHand).toBe(before - 2);
    const yuanhang = await customerId('远航制造');
    const row = await StockMovement.findOne({ ref: no }).lean();
    expect(row).toMatchObject({ kind: 'sample', qty: -2, note: '展会演示' });
    expect(String(row?.customerId)).toBe(String(yuanhang));
    expect(await FollowUp.countDocuments({ customerId: yuanhang, kind: 'sample' })).toBeGreaterThanOrEqual(1);
    const profile = cardOf(await say('li.wei', '客户 远航制造'));
    expect(profile.body).toMatch(new RegExp(`送样 SKU-1001 路由器 × 2 \\(${no}\\) 展会演示`));
    expect(profile.body).toMatch(
      new RegExp(`样品:\\n(.*\\n)*${no} .*SKU-1001 路由器 × 2 · ¥798.00 · 已送出`),
    );
    const day = testNow().toISOString().slice(0, 10);
    const csv = await fetch(`${app.current.url}/api/export/stock-ledger?from=${day}&to=${day}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    }).then((r) => r.text());
    expect(csv.split('\r\n')[0]).toBe(
      'at,sku,product,warehouse,kind,qty,reserved_change,on_hand_after,reserved_after,by,ref,customer,note',
    );
    expect(csv).toMatch(
      new RegExp(`,SKU-1001,路由器,MAIN,sample,'-2,0,${before - 2},\\d+,张敏,${no},远航制造,展会演示`),
    );
  });

  it('over the line: reserved and put to approval; sent once approved, by the requester', async () => {
    const start = await level('SKU-2002');
    const reply = await say('alice.chen', 'sample Contoso Ltd SKU-2002 3 for the pilot');
    const no = numberIn(textOf(reply), 'SMP');
    const ap = numberIn(textOf(reply), 'AP');
    expect(textOf(reply)).toMatch(`${no} is worth more than CN¥2,000.00: approval ${ap} was requested`);
    expect((await level('SKU-2002'))?.reserved).toBe((start?.reserved ?? 0) + 3);
    expect(textOf(await say('alice.chen', `sample ${no}`))).toBe(`${no} is still awaiting approval (${ap}).`);
    expect(textOf(await say('zhang.min', `送样 ${no}`))).toBe(`${no} 只能由申请人、经理或管理员处理。`);
    const approver = String((await ApprovalRequest.findById(ap).lean())?.waitingFor[0]);
    const email = (
      await mongoose.connection
        .collection('employees')
        .findOne({ _id: new mongoose.Types.ObjectId(approver) })
    )?.email;
    await click(String(email).split('@')[0] ?? '', 'approvals.approve', ap);
    const sent = cardOf(await click('alice.chen', 'orders.sample.settle', no));
    expect(sent.subtitle).toBe('sent');
    const after = await level('SKU-2002');
    expect(after?.onHand).toBe((start?.onHand ?? 0) - 3);
    expect(after?.reserved).toBe(start?.reserved ?? 0);
    // a second click changes nothing
    await click('alice.chen', 'orders.sample.settle', no);
    expect(await StockMovement.countDocuments({ ref: no, kind: 'sample' })).toBe(1);
    expect(await FollowUp.countDocuments({ kind: 'sample', note: { $regex: no } })).toBe(1);
  });

  it('bad input and the wrong people get a short reply; nothing written', async () => {
    const before = await counts();
    expect(textOf(await say('zhang.min', '送样 远航制造'))).toMatch(/^请写上商品和数量/);
    expect(textOf(await say('zhang.min', '送样 远航制造 路由器 0'))).toMatch(/^数量须为正整数/);
    expect(textOf(await say('zhang.min', '送样 远航制造 SKU-1001x1 SKU-2002x1'))).toMatch(/^一次送一种样品/);
    expect(textOf(await say('alice.chen', 'sample Contoso Ltd SKU-9999 1'))).toBe(
      'There is no product SKU-9999.',
    );
    expect(textOf(await say('wu.jun', '送样 远航制造 路由器 1'))).toBe('只有销售可以送样。');
    expect(textOf(await say('zhang.min', '送样 远航制造 SKU-4004 500'))).toMatch(
      /^SKU-4004 库存不足，样品没有送/,
    );
    expect(textOf(await say('zhang.min', '送样 SMP-9999'))).toBe('没有样品 SMP-9999。');
    expect(await counts()).toEqual(before);
  });
});
