import { describe, expect, it } from 'vitest';
import { PurchaseOrder } from '../../db/models/purchase-order.js';
import { ReorderProposal, ReorderRule } from '../../db/models/reorder.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, textOf } from '../helpers/chat.js';

const app = useTestApp();
const { say, click, press, cards } = chatAs(app);
const proposals = async () =>
  (await cards('zhou.qiang')).filter((c) => c.title.startsWith('补货建议：SKU-2002'));

describe('reorder rules: min/max per product and warehouse, a proposal per dip', () => {
  it('only a warehouse manager sets a rule; bad ranges are refused and nothing is written', async () => {
    expect(textOf(await say('wu.jun', '补货规则 SKU-2002 最低 25 最高 40'))).toBe(
      '只有仓库经理可以处理补货。',
    );
    expect(textOf(await say('zhou.qiang', '补货规则 SKU-2002 最低 50 最高 40'))).toBe(
      '最高须大于最低，且不超过 1,000,000。',
    );
    expect(textOf(await say('zhou.qiang', '补货规则 SKU-2002 最高 40'))).toMatch(/^请写最低和最高数量/);
    expect(textOf(await say('zhou.qiang', 'reorder rule SKU-9999 min 1 max 5'))).toBe(
      'There is no product SKU-9999.',
    );
    expect(await ReorderRule.countDocuments()).toBe(0);
    expect(textOf(await say('zhou.qiang', '补货规则 SKU-2002 最低 25 最高 40'))).toBe(
      'SKU-2002 在 主仓：低于 25 时建议补到 40。',
    );
  });

  it('a dip under min proposes once; Create asks for a supplier and makes one purchase order', async () => {
    // Main holds 30 of SKU-2002
    await say('wu.jun', 'stock out SKU-2002 6 Main');
    await say('wu.jun', 'stock out SKU-2002 1 Main');
    const [card, ...more] = await proposals();
    expect(more).toHaveLength(0);
    expect(card?.fields).toEqual([
      ['在库', '24'],
      ['最低 / 最高', '25 / 40'],
      ['建议采购', '16'],
      ['供应商', '未设首选，创建时选择'],
    ]);
    expect(await ReorderProposal.countDocuments()).toBe(1);
    const id = card?.actions[0]?.value ?? '';
    const pick = cardOf(await click('zhou.qiang', 'orders.reorder.create', id));
    expect(pick.title).toBe('SKU-2002 没有首选供应商，向谁采购？');
    const huaqiang = pick.actions.find((a) => a.label === '深圳华强');
    if (!huaqiang) throw new Error('no supplier button');
    const before = await PurchaseOrder.countDocuments();
    const both = await Promise.all([press('zhou.qiang', huaqiang), press('zhou.qiang', huaqiang)]);
    expect(both.map(textOf).filter((t) => t === '这条补货建议已经处理过了。')).toHaveLength(1);
    expect(await PurchaseOrder.countDocuments()).toBe(before + 1);
    const po = await PurchaseOrder.findOne({}).sort({ createdAt: -1, _id: -1 }).lean();
    expect(po).toMatchObject({
      supplierName: '深圳华强',
      lines: [expect.objectContaining({ sku: 'SKU-2002', qty: 16 })],
    });
    expect(await ReorderProposal.findById(id).lean()).toMatchObject({ status: 'created', poNo: po?.no });
    expect(textOf(await click('zhou.qiang', 'stock.reorder.dismiss', id))).toBe('这条补货建议已经处理过了。');
  });

  it('back at min re-arms the rule; the next dip proposes again, and Dismiss records it', async () => {
    await say('wu.jun', 'stock in SKU-2002 10 Main');
    await say('wu.jun', 'stock out SKU-2002 10 Main');
    const all = await proposals();
    expect(all).toHaveLength(2);
    const id = all[1]?.actions[1]?.value ?? '';
    expect(textOf(await click('wu.jun', 'stock.reorder.dismiss', id))).toMatch(/^补货建议：SKU-2002/);
    expect(await ReorderProposal.findById(id).lean()).toMatchObject({ status: 'dismissed' });
    expect(textOf(await click('zhou.qiang', 'orders.reorder.create', id))).toBe('这条补货建议已经处理过了。');
  });

  it('a preferred supplier on the rule is used without asking', async () => {
    await say('zhou.qiang', 'reorder rule SKU-1001 min 200 max 250 supplier 深圳华强');
    await say('wu.jun', 'stock out SKU-1001 1 Main');
    const card = (await cards('zhou.qiang')).find((c) => c.title.startsWith('补货建议：SKU-1001'));
    expect(card?.fields).toContainEqual(['供应商', '深圳华强']);
    const made = await click('zhou.qiang', 'orders.reorder.create', card?.actions[0]?.value ?? '');
    expect(cardOf(made).subtitle).toMatch(/^已创建 PO-\d+/);
  });
});

describe('reorder rules over the admin API', () => {
  it('PUT /api/reorder-rules sets a rule; a bad one is refused with the reason', async () => {
    const put = async (body: unknown) => {
      const res = await fetch(`${app.current.url}/api/reorder-rules`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: await res.json() };
    };
    const ok = await put({ sku: 'SKU-5005', warehouse: 'SOUTH', min: 4, max: 20, supplier: '深圳华强' });
    expect(ok.status).toBe(200);
    expect(ok.json.rule).toMatchObject({ sku: 'SKU-5005', min: 4, max: 20, supplier: '深圳华强' });
    expect((await put({ sku: 'SKU-5005', min: 20, max: 4 })).json).toEqual({ error: 'range' });
    expect((await put({ sku: 'SKU-5005', warehouse: 'Nowhere', min: 1, max: 4 })).json).toEqual({
      error: 'unknown_warehouse',
    });
    expect((await put({ min: 1, max: 4 })).status).toBe(400);
  });
});
