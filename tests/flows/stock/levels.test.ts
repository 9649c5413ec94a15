import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { Product } from '../../../db/models/product.js';
import { StockLevel } from '../../../db/models/stock-level.js';
import { StockMovement } from '../../../db/models/stock-movement.js';
import { seedDemoCompany } from '../../../flows/org/demo-company.js';
import { seedDemoStock } from '../../../flows/stock/demo.js';
import { moveStock, rules } from '../../../flows/stock/levels.js';
import { lowAlert } from '../../../flows/stock/service.js';
import { useTestDb } from '../../helpers/db.js';

useTestDb();
const at = new Date('2026-12-01T02:00:00Z');
const productId = new mongoose.Types.ObjectId();
const warehouseId = new mongoose.Types.ObjectId();
const move = (kind: keyof typeof rules, qty: number, product = productId) =>
  moveStock({
    productId: product,
    warehouseId,
    kind,
    by: null,
    at,
    apply: rules[kind](qty),
  });

async function ledgerMatches() {
  const level = await StockLevel.findOne({ productId, warehouseId }).lean();
  const rows = await StockMovement.find({ levelId: level?._id }).lean();
  expect(rows.reduce((s, r) => s + r.qty, 0)).toBe(level?.onHand);
  expect(rows.reduce((s, r) => s + r.reservedDelta, 0)).toBe(level?.reserved);
  expect(rows).toHaveLength(level?.version ?? -1);
  // every row's balance is what the level was right after it
  const byVersion = rows.sort((a, b) => Number(a._id.split(':v')[1]) - Number(b._id.split(':v')[1]));
  let onHand = 0;
  for (const r of byVersion) {
    onHand += r.qty;
    expect(r.onHandAfter).toBe(onHand);
  }
  return level;
}

describe('stock levels under concurrency', () => {
  it('30 parallel stock-outs of 1 against 20 on hand: exactly 20 succeed, never negative', async () => {
    await move('in', 20);
    const results = await Promise.all(Array.from({ length: 30 }, () => move('out', 1)));
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.available === 0)).toBe(true);
    expect((await ledgerMatches())?.onHand).toBe(0);
  });

  it('mixed parallel in/out/reserve/release keep the ledger equal to the level', async () => {
    await move('in', 10);
    const ops = Array.from({ length: 40 }, (_, i) =>
      move((['in', 'out', 'reserve', 'release'] as const)[i % 4] ?? 'in', 1 + (i % 3)),
    );
    await Promise.all(ops);
    const level = await ledgerMatches();
    expect(level?.onHand).toBeGreaterThanOrEqual(level?.reserved ?? 0);
    expect(level?.reserved).toBeGreaterThanOrEqual(0);
  });

  it('a count cannot go below what orders reserve', async () => {
    // a level of its own: 10 on hand, 4 of them reserved
    const product = new mongoose.Types.ObjectId();
    await move('in', 10, product);
    await move('reserve', 4, product);
    expect((await move('count', 3, product)).ok).toBe(false);
    expect(await StockLevel.findOne({ productId: product }).lean()).toMatchObject({
      onHand: 10,
      reserved: 4,
    });
    expect((await move('count', 4, product)).ok).toBe(true);
    expect(await StockLevel.findOne({ productId: product }).lean()).toMatchObject({ onHand: 4, reserved: 4 });
  });
});

describe('low-stock alerts', () => {
  beforeAll(async () => {
    await seedDemoCompany(at);
    await seedDemoStock(at);
  });

  it('fires once per dip, even for parallel movements, and again after a restock', async () => {
    const cable = await Product.findOne({ sku: 'SKU-4004' }).lean(); // 4 on hand, reorder level 5
    const id = cable?._id as mongoose.Types.ObjectId;
    const told = await Promise.all([lowAlert(id, at), lowAlert(id, at), lowAlert(id, at)]);
    expect(told.filter((t) => t.length > 0)).toHaveLength(1);
    expect(await lowAlert(id, at)).toEqual([]);
    const main = (await StockLevel.findOne({ productId: id }).sort({ createdAt: 1 }).lean())?.warehouseId;
    await moveStock({
      productId: id,
      warehouseId: main as mongoose.Types.ObjectId,
      kind: 'in',
      by: null,
      at,
      apply: rules.in(10),
    });
    expect(await lowAlert(id, at)).toEqual([]); // above again: a new epoch starts
    await moveStock({
      productId: id,
      warehouseId: main as mongoose.Types.ObjectId,
      kind: 'out',
      by: null,
      at,
      apply: rules.out(10),
    });
    expect((await lowAlert(id, at)).length).toBeGreaterThan(0);
  });
});
