import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../../db/migrations.js';
import { MigrationState } from '../../../db/models/migration.js';
import { levelKey, StockLevel } from '../../../db/models/stock-level.js';
import { StockMovement } from '../../../db/models/stock-movement.js';
import { ensureLevel, moveStock, rules } from '../../../flows/stock/levels.js';
import { levelKeysMigration } from '../../../flows/stock/migrations.js';
import { createLogger } from '../../../src/logger.js';
import { useTestDb } from '../../helpers/db.js';

useTestDb();

const log = createLogger('silent');
const at = new Date('2026-12-01T02:00:00Z');
const now = () => at;
const oid = () => new mongoose.Types.ObjectId();
const raw = (name: string) => mongoose.connection.collection(name);

/** Levels keyed by ObjectId under the old unique index, with ledgers keyed by their revisions. */
async function seedOldShape() {
  await raw('stocklevels').createIndex({ productId: 1, warehouseId: 1 }, { unique: true });
  const levels = [
    { productId: oid(), warehouseId: oid(), moves: [5, 3, -2] },
    { productId: oid(), warehouseId: oid(), moves: [10] },
  ];
  for (const { productId, warehouseId, moves } of levels) {
    const _id = oid();
    let onHand = 0;
    for (const [i, qty] of moves.entries()) {
      onHand += qty;
      await raw('stockmovements').insertOne({
        _id: `${_id}:v${i + 1}` as never,
        levelId: _id,
        productId,
        warehouseId,
        kind: qty > 0 ? 'in' : 'out',
        qty,
        reservedDelta: 0,
        onHandAfter: onHand,
        reservedAfter: 0,
        at,
      });
    }
    await raw('stocklevels').insertOne({
      _id,
      productId,
      warehouseId,
      onHand,
      reserved: 0,
      version: moves.length,
    });
  }
  return levels;
}

/** Each level under its natural key, its ledger keyed by its revisions and adding up to it. */
async function expectNewShape(levels: Awaited<ReturnType<typeof seedOldShape>>) {
  expect(await StockLevel.countDocuments({})).toBe(levels.length);
  for (const { productId, warehouseId, moves } of levels) {
    const key = levelKey(productId, warehouseId);
    const level = await StockLevel.findById(key).lean();
    expect(level).toMatchObject({ onHand: moves.reduce((s, q) => s + q, 0), version: moves.length });
    const rows = await StockMovement.find({ levelId: key }).lean();
    expect(rows.map((r) => r._id).sort()).toEqual(moves.map((_, i) => `${key}:v${i + 1}`).sort());
    expect(rows.reduce((s, r) => s + r.qty, 0)).toBe(level?.onHand);
  }
  expect(await StockMovement.countDocuments({})).toBe(levels.reduce((s, l) => s + l.moves.length, 0));
}

describe('stock levels keyed by product and warehouse', () => {
  it('migrates old levels and their ledger; a second run changes nothing; movements go on from there', async () => {
    const levels = await seedOldShape();
    await runMigrations([levelKeysMigration], log, now);
    await expectNewShape(levels);
    await MigrationState.deleteMany({});
    await runMigrations([levelKeysMigration], log, now);
    await expectNewShape(levels);

    const [first] = levels;
    if (!first) throw new Error('no level');
    const moved = await moveStock({ ...first, kind: 'in', by: null, at, apply: rules.in(4) });
    expect(moved.ok && moved.level).toMatchObject({
      _id: levelKey(first.productId, first.warehouseId),
      onHand: 10,
    });
    expect(
      await StockMovement.findById(`${levelKey(first.productId, first.warehouseId)}:v4`).lean(),
    ).toMatchObject({
      qty: 4,
      onHandAfter: 10,
    });
    // the key keeps one level per pair
    expect((await ensureLevel(first.productId, first.warehouseId))._id).toBe(
      levelKey(first.productId, first.warehouseId),
    );
    expect(await StockLevel.countDocuments({ productId: first.productId })).toBe(1);
  });

  it('finishes after a crash that left copies beside their originals', async () => {
    await mongoose.connection.dropDatabase();
    await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
    const levels = await seedOldShape();
    // what a crash between writing the copies and deleting the originals leaves
    const [first] = levels;
    if (!first) throw new Error('no level');
    const old = await raw('stocklevels').findOne({ productId: first.productId });
    await raw('stocklevels').dropIndex('productId_1_warehouseId_1');
    await raw('stocklevels').insertOne({
      ...old,
      _id: levelKey(first.productId, first.warehouseId) as never,
    });
    const row = await raw('stockmovements').findOne({ productId: first.productId });
    const key = levelKey(first.productId, first.warehouseId);
    await raw('stockmovements').insertOne({ ...row, _id: `${key}:v1` as never, levelId: key });

    await runMigrations([levelKeysMigration], log, now);
    await expectNewShape(levels);
  });
});
