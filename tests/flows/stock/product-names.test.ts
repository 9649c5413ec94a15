import { describe, expect, it } from 'vitest';
import { Product } from '../../../db/models/product.js';
import { SalesOrder } from '../../../db/models/sales-order.js';
import { StockLevel } from '../../../db/models/stock-level.js';
import { StockMovement } from '../../../db/models/stock-movement.js';
import { Warehouse } from '../../../db/models/warehouse.js';
import { useTestApp } from '../../helpers/app.js';
import { cardOf, chatAs, textOf } from '../../helpers/chat.js';

const app = useTestApp();
const { say, press } = chatAs(app);

async function onHand(sku: string, code = 'MAIN') {
  const p = await Product.findOne({ sku }).lean();
  const w = await Warehouse.findOne({ code }).lean();
  return (await StockLevel.findOne({ productId: p?._id, warehouseId: w?._id }).lean())?.onHand ?? 0;
}

describe('products named rather than given by SKU', () => {
  it('a movement by exact name moves that product; several matches give a pick card that moves the one picked', async () => {
    const cable = await onHand('SKU-4004');
    expect(textOf(await say('wu.jun', '入库 网线 3 主仓'))).toBe(
      `已入库 SKU-4004 3 到 主仓，现有 ${cable + 3}。`,
    );
    const south = await onHand('SKU-5005', 'SOUTH');
    const card = cardOf(await say('wu.jun', 'stock in routers 2 South'));
    expect(card.actions.map((a) => a.label)).toEqual(['SKU-1001 Router X1', 'SKU-5005 Router X2 Mesh']);
    const picked = card.actions[1];
    if (!picked) throw new Error('no second button');
    expect(textOf(await press('wu.jun', picked))).toBe(
      `Stocked in 2 of SKU-5005 at South; on hand now ${south + 2}.`,
    );
    expect(await onHand('SKU-5005', 'SOUTH')).toBe(south + 2);
  });

  it('an unknown name is refused and nothing moves', async () => {
    const movements = await StockMovement.countDocuments();
    expect(textOf(await say('wu.jun', '出库 不存在的东西 2'))).toBe('没有商品 不存在的东西。');
    expect(await StockMovement.countDocuments()).toBe(movements);
  });

  it('order lines by name become the products’ SKUs', async () => {
    const card = cardOf(await say('zhang.min', '下单 华信科技 路由器 2台 交换机 1台'));
    expect(card.fields).toContainEqual(['SKU-1001 路由器', '× 2 @ ¥399.00 = ¥798.00']);
    expect(card.fields).toContainEqual(['SKU-2002 交换机', '× 1 @ ¥899.00 = ¥899.00']);
    const no = /SO-\d+/.exec(card.title)?.[0];
    const order = await SalesOrder.findOne({ no }).lean();
    expect(order?.lines.map((l) => [l.sku, l.qty])).toEqual([
      ['SKU-1001', 2],
      ['SKU-2002', 1],
    ]);
  });

  it('a free sentence is confirmed first, then recorded on Submit', async () => {
    const cable = await onHand('SKU-4004');
    const card = cardOf(await say('wu.jun', '主仓新进 4 根网线'));
    expect(card.fields).toEqual([
      ['商品', 'SKU-4004 网线'],
      ['数量', '4'],
      ['仓库', '主仓'],
    ]);
    expect(await onHand('SKU-4004')).toBe(cable);
    const submit = card.actions[0];
    if (!submit) throw new Error('no Submit button');
    expect(textOf(await press('wu.jun', submit))).toBe(`已入库 SKU-4004 4 到 主仓，现有 ${cable + 4}。`);
    expect(await onHand('SKU-4004')).toBe(cable + 4);
  });
});
