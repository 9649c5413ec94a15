import { describe, expect, it } from 'vitest';
import { Product } from '../../db/models/product.js';
import { StockLevel } from '../../db/models/stock-level.js';
import { StockMovement } from '../../db/models/stock-movement.js';
import { Warehouse } from '../../db/models/warehouse.js';
import { useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, textOf } from '../helpers/chat.js';

const app = useTestApp();
const { say, click, cards } = chatAs(app);

async function level(sku: string, code = 'MAIN') {
  const p = await Product.findOne({ sku }).lean();
  const w = await Warehouse.findOne({ code }).lean();
  return StockLevel.findOne({ productId: p?._id, warehouseId: w?._id }).lean();
}

/** The ledger adds up to the level, on hand and reserved. */
async function expectLedgerMatches(sku: string, code = 'MAIN') {
  const l = await level(sku, code);
  const rows = await StockMovement.find({ levelId: l?._id }).lean();
  expect(rows.reduce((s, r) => s + r.qty, 0)).toBe(l?.onHand);
  expect(rows.reduce((s, r) => s + r.reservedDelta, 0)).toBe(l?.reserved);
  expect(rows).toHaveLength(l?.version ?? -1);
}

describe('stock through the web chat', () => {
  it('anyone asks stock by SKU: per warehouse and the reorder level', async () => {
    const card = cardOf(await say('alice.chen', 'stock SKU-1001'));
    expect(card.title).toBe('SKU-1001 Router X1');
    expect(card.fields).toContainEqual(['Main', 'on hand 110 · reserved 5 · available 105']);
    expect(card.fields).toContainEqual(['South', 'on hand 40 · reserved 0 · available 40']);
    expect(card.fields).toContainEqual(['Reorder level', '20 units']);
    const zh = cardOf(await say('zhang.min', '库存 交换机'));
    expect(zh.fields).toContainEqual(['主仓', '在库 30 · 预留 2 · 可用 28']);
  });

  it('a name matching several products gives a pick card whose buttons answer', async () => {
    const card = cardOf(await say('zhang.min', '库存 路由器'));
    expect(card.actions.map((a) => a.value)).toEqual(['SKU-1001', 'SKU-5005']);
    expect(cardOf(await click('zhang.min', 'stock.pick', 'SKU-5005')).title).toBe('SKU-5005 无线路由器');
    expect(textOf(await say('zhang.min', '库存 不存在的东西'))).toBe('没有找到“不存在的东西”。');
  });

  it('low stock lists what is at or under its reorder level', async () => {
    const card = cardOf(await say('bob.smith', 'low stock'));
    expect(card.fields.map((f) => f[0])).toContain('SKU-4004 Cat6 Cable');
    expect(card.fields.map((f) => f[0])).not.toContain('SKU-1001 Router X1');
  });

  it('warehouse staff move stock; each movement is a ledger row with who, why and balance', async () => {
    expect(textOf(await say('wu.jun', '入库 SKU-3003 10 南仓 供应商到货'))).toBe(
      '已入库 SKU-3003 10 到 南仓，现有 10。',
    );
    expect(textOf(await say('wu.jun', 'stock out SKU-3003 4 South demo units'))).toBe(
      'Stocked out 4 of SKU-3003 from South; on hand now 6.',
    );
    expect(textOf(await say('wu.jun', '盘点 SKU-3003 5 南仓'))).toBe('已盘点 南仓 的 SKU-3003：6 → 5。');
    const l = await level('SKU-3003', 'SOUTH');
    const rows = await StockMovement.find({ levelId: l?._id }).sort({ _id: 1 }).lean();
    expect(rows.map((r) => [r.kind, r.qty, r.onHandAfter, r.note])).toEqual([
      ['in', 10, 10, '供应商到货'],
      ['out', -4, 6, 'demo units'],
      ['count', -1, 5, ''],
    ]);
    expect(rows.every((r) => r.by && r.at)).toBe(true);
    await expectLedgerMatches('SKU-3003', 'SOUTH');
  });

  it('refuses bad input and non-warehouse people, writing nothing', async () => {
    const before = await StockMovement.countDocuments();
    expect(textOf(await say('zhang.min', '入库 SKU-1001 5'))).toBe('只有仓库人员可以登记出入库。');
    expect(textOf(await say('wu.jun', '入库 SKU-1001 0'))).toMatch(/^数量须为正整数（最多 1,000,000）。/);
    expect(textOf(await say('wu.jun', 'stock out SKU-1001 -3'))).toMatch(
      /^The quantity must be a whole number/,
    );
    expect(textOf(await say('wu.jun', '入库 SKU-9999 5'))).toBe('没有商品 SKU-9999。');
    expect(textOf(await say('wu.jun', '入库 SKU-1001 5 @北仓'))).toBe('没有仓库“北仓”。');
    expect(textOf(await say('wu.jun', '入库 SKU-1001 5 北仓 到货'))).toBe('没有仓库“北仓”。');
    expect(textOf(await say('wu.jun', 'stock in SKU-1001 5 @North'))).toBe('There is no warehouse "North".');
    expect(textOf(await say('wu.jun', '出库 SKU-1001 5000'))).toMatch(/可用只有 105/);
    expect(await StockMovement.countDocuments()).toBe(before);
  });

  it('a repeated platform message moves stock once', async () => {
    const body = { employee: 'wu.jun@demo.example', text: 'stock in SKU-4004 2 Main', messageId: 'retry-1' };
    const before = (await level('SKU-4004'))?.onHand ?? 0;
    await Promise.all([1, 2, 3].map(() => app.current.post('/web/api/messages', body)));
    await app.current.post('/web/api/messages', body);
    expect((await level('SKU-4004'))?.onHand).toBe(before + 2);
  });

  it('two stock-outs racing for the last units: one wins, the other is told what is available', async () => {
    await say('wu.jun', 'stock in SKU-2002 7 South');
    const results = (
      await Promise.all([
        say('wu.jun', 'stock out SKU-2002 15 South'),
        say('zhou.qiang', '出库 SKU-2002 15 南仓'),
      ])
    ).map(textOf);
    expect(results.filter((r) => /on hand now 4|现有 4/.test(r))).toHaveLength(1);
    expect(results.filter((r) => /Only 4 of|可用只有 4/.test(r))).toHaveLength(1);
    await expectLedgerMatches('SKU-2002', 'SOUTH');
  });

  it('parallel movements keep the ledger equal to the level and never go negative', async () => {
    const ops = Array.from({ length: 24 }, (_, i) =>
      say(
        i % 3 === 0 ? 'zhou.qiang' : 'wu.jun',
        i % 2 === 0 ? 'stock out SKU-5005 3 Main' : 'stock in SKU-5005 1 Main',
      ),
    );
    await Promise.all(ops);
    const l = await level('SKU-5005');
    expect(l?.onHand).toBeGreaterThanOrEqual(0);
    await expectLedgerMatches('SKU-5005');
  });

  it('tells the warehouse manager once when a product drops to its reorder level', async () => {
    const alerts = async () =>
      (await cards('zhou.qiang')).filter((c) => c.title.startsWith('低库存提醒：SKU-3003'));
    // SKU-3003: Main 60 + South 5, reorder level 15
    await say('wu.jun', 'stock out SKU-3003 50 Main');
    expect(await alerts()).toHaveLength(1);
    await say('wu.jun', 'stock out SKU-3003 1 Main');
    expect(await alerts()).toHaveLength(1);
    await say('wu.jun', 'stock in SKU-3003 30 Main');
    await say('wu.jun', 'stock out SKU-3003 30 Main');
    expect(await alerts()).toHaveLength(2);
  });
});
