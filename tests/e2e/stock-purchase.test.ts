import { describe, expect, it } from 'vitest';
import { Product } from '../../db/models/product.js';
import { PurchaseOrder } from '../../db/models/purchase-order.js';
import { StockLevel } from '../../db/models/stock-level.js';
import { StockMovement } from '../../db/models/stock-movement.js';
import { Warehouse } from '../../db/models/warehouse.js';
import { useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, textOf } from '../helpers/chat.js';

const app = useTestApp();
const { say, click, cards } = chatAs(app);
const poOf = (title: string) => /PO-\d+/.exec(title)?.[0] ?? '';

async function onHand(sku: string) {
  const p = await Product.findOne({ sku }).lean();
  const w = await Warehouse.findOne({ code: 'MAIN' }).lean();
  return (await StockLevel.findOne({ productId: p?._id, warehouseId: w?._id }).lean())?.onHand ?? 0;
}

describe('purchase orders through the web chat', () => {
  it('under the threshold: a PO at once; partial receipts become stock-in movements', async () => {
    const card = cardOf(await say('wu.jun', '采购 深圳华强 SKU-1001x100 单价 12.5'));
    const no = poOf(card.title);
    expect(card.fields).toContainEqual(['金额', '1250 CNY']);
    const before = await onHand('SKU-1001');
    expect(textOf(await say('wu.jun', `收货 ${no} SKU-1001x40`))).toMatch(
      new RegExp(`^${no} 已收货：SKU-1001 × 40。`),
    );
    expect(await onHand('SKU-1001')).toBe(before + 40);
    expect((await PurchaseOrder.findOne({ no }).lean())?.status).toBe('partial');
    expect(textOf(await say('wu.jun', `收货 ${no} SKU-1001x61`))).toBe(
      `SKU-1001 收货数超过 ${no} 未收数量。`,
    );
    expect(textOf(await say('wu.jun', `收货 ${no} SKU-2002x1`))).toBe(`${no} 上没有 SKU-2002。`);
    expect(textOf(await say('zhang.min', `收货 ${no}`))).toBe('只有仓库人员可以收货。');
    await say('wu.jun', `receive ${no}`);
    expect(await onHand('SKU-1001')).toBe(before + 100);
    expect((await PurchaseOrder.findOne({ no }).lean())?.status).toBe('received');
    expect(textOf(await say('wu.jun', `收货 ${no}`))).toBe(`${no} 已全部收齐。`);
    const rows = await StockMovement.find({ ref: no }).lean();
    expect(rows.map((r) => [r.kind, r.qty])).toEqual([
      ['receive', 40],
      ['receive', 60],
    ]);
  });

  it('over the threshold it goes through approvals before anything is received', async () => {
    // nobody has bought from Acme Supply yet: confirmed first, nothing filed until then
    const ask = cardOf(await say('zhou.qiang', 'purchase Acme Supply SKU-2002x10 price 899'));
    expect(ask.title).toBe('Please confirm: buy from a new supplier, "Acme Supply"');
    expect(await PurchaseOrder.countDocuments({ supplierName: 'Acme Supply' })).toBe(0);
    const replies = await click('zhou.qiang', 'confirm.submit', ask.actions[0]?.value ?? '');
    const text = textOf(replies);
    const ap = /AP-\d+/.exec(text)?.[0] ?? '';
    const no = poOf(cardOf(replies).title);
    expect(text).toMatch(`${no} (8990 CNY) is over the approval line; approval ${ap} has been requested.`);
    expect((await cards('li.wei')).some((c) => c.title.includes(ap))).toBe(true);
    expect(textOf(await say('wu.jun', `收货 ${no}`))).toBe(`${no} 还在审批中（${ap}），不能收货。`);
    await click('li.wei', 'approvals.approve', ap);
    expect(textOf(await say('wu.jun', `收货 ${no}`))).toMatch(`${no} 已收货：SKU-2002 × 10。`);
  });

  it('refuses people without a purchasing role and unknown SKUs', async () => {
    const count = await PurchaseOrder.countDocuments();
    expect(textOf(await say('zhang.min', '采购 某供应商 SKU-1001x10'))).toBe('只有仓库人员或经理可以采购。');
    expect(textOf(await say('wu.jun', '采购 某供应商 SKU-9999x10'))).toBe('没有商品 SKU-9999。');
    expect(await PurchaseOrder.countDocuments()).toBe(count);
  });

  it('a supplier name close to a known one offers it instead', async () => {
    const card = cardOf(await say('wu.jun', '采购 深圳华强电子 SKU-1001x10'));
    expect(card.body).toBe('还没有从这个供应商采购过；名字相近的有：深圳华强。');
    const use = card.actions.find((a) => a.label === '改为 深圳华强');
    const made = cardOf(await click('wu.jun', 'confirm.submit', use?.value ?? ''));
    const po = await PurchaseOrder.findOne({ no: /PO-\d+/.exec(made.title)?.[0] }).lean();
    expect(po?.supplierName).toBe('深圳华强');
    expect(await PurchaseOrder.countDocuments({ supplierName: '深圳华强电子' })).toBe(0);
  });
});
