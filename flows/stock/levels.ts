import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import { updateAtVersion } from '../../db/at-version.js';
import { claim, releaseIfStale } from '../../db/claims.js';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { levelKey, StockLevel, type StockLevelDoc } from '../../db/models/stock-level.js';
import { type MovementKind, StockMovement } from '../../db/models/stock-movement.js';
import { AppError } from '../../src/errors.js';

type Id = mongoose.Types.ObjectId;
export type Amounts = { onHand: number; reserved: number };

export type Movement = {
  productId: Id;
  warehouseId: Id;
  kind: MovementKind;
  by: string | null;
  at: Date;
  note?: string;
  ref?: string;
  /** The customer a sample went to. */
  customerId?: Id;
  /** The level after the movement, or null to refuse (never below zero, never reserve more than on hand). */
  apply(level: Amounts): Amounts | null;
};

export type Moved = { ok: true; level: StockLevelDoc; before: Amounts };
export type Short = { ok: false; level: Amounts; available: number };

/** The level of one product in one warehouse, created at zero on first use. */
export async function ensureLevel(productId: Id, warehouseId: Id): Promise<StockLevelDoc> {
  const _id = levelKey(productId, warehouseId);
  const found = await StockLevel.findById(_id).lean<StockLevelDoc>();
  if (found) return found;
  try {
    return (await StockLevel.create({ _id, productId, warehouseId })).toObject() as StockLevelDoc;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return (await StockLevel.findById(_id).lean<StockLevelDoc>()) as StockLevelDoc;
  }
}

/** A product's levels in these warehouses, in their order (null where none is kept), each by `_id`. */
export function levelsOf(productId: Id, warehouseIds: Id[]): Promise<(StockLevelDoc | null)[]> {
  return Promise.all(
    warehouseIds.map((w) => StockLevel.findById(levelKey(productId, w)).lean<StockLevelDoc>()),
  );
}

const valid = (a: Amounts) => a.onHand >= 0 && a.reserved >= 0 && a.reserved <= a.onHand;

/**
 * One stock movement, atomic on both MongoDB and the embedded FerretDB: read the level at version
 * v, compute, claim revision v+1 by a unique insert (the only write FerretDB 1.x makes atomic),
 * write the ledger row keyed by that revision, then move the level with a `version: v` guard.
 * Losers re-read and recompute, so two stock-outs racing for the last units cannot both succeed.
 * No transactions: a crash between the ledger row and the level leaves an orphan row for a
 * revision the level never reached; the next winner of that revision overwrites it (upsert).
 */
export async function moveStock(m: Movement): Promise<Moved | Short> {
  const start = await ensureLevel(m.productId, m.warehouseId);
  for (let attempt = 0; attempt < 200; attempt++) {
    const level =
      attempt === 0 ? start : ((await StockLevel.findById(start._id).lean<StockLevelDoc>()) ?? start);
    const before = { onHand: level.onHand, reserved: level.reserved };
    const after = m.apply(before);
    if (!after || !valid(after))
      return { ok: false, level: before, available: before.onHand - before.reserved };
    const revision = `${level._id}:v${level.version + 1}`;
    if (!(await claim(`stock:${revision}`, m.at))) {
      await releaseIfStale(`stock:${revision}`, m.at);
      await sleep(2 + Math.random() * 10 * Math.min(attempt + 1, 5));
      continue;
    }
    await StockMovement.replaceOne(
      { _id: revision },
      {
        _id: revision,
        levelId: level._id,
        productId: m.productId,
        warehouseId: m.warehouseId,
        kind: m.kind,
        qty: after.onHand - before.onHand,
        reservedDelta: after.reserved - before.reserved,
        onHandAfter: after.onHand,
        reservedAfter: after.reserved,
        by: m.by ? new mongoose.Types.ObjectId(m.by) : null,
        at: m.at,
        note: m.note ?? '',
        ref: m.ref ?? '',
        customerId: m.customerId ?? null,
      },
      { upsert: true },
    );
    const moved = await updateAtVersion<StockLevelDoc>(StockLevel, level._id, level.version, {
      $set: { onHand: after.onHand, reserved: after.reserved },
      $inc: { version: 1 },
    });
    if (moved) return { ok: true, level: moved, before };
  }
  throw new AppError('stock.contention', 'stock level kept changing under us', {
    'zh-CN': '库存正忙，请稍后再试。',
    en: 'Stock is busy right now; please try again.',
  });
}

/** Movement rules, as level → level functions. */
export const rules = {
  in: (qty: number) => (l: Amounts) => ({ ...l, onHand: l.onHand + qty }),
  out: (qty: number) => (l: Amounts) =>
    l.onHand - l.reserved >= qty ? { ...l, onHand: l.onHand - qty } : null,
  // a count cannot go under what orders hold: those units are promised and still on the shelf
  count: (counted: number) => (l: Amounts) => (counted >= l.reserved ? { ...l, onHand: counted } : null),
  reserve: (qty: number) => (l: Amounts) =>
    l.onHand - l.reserved >= qty ? { ...l, reserved: l.reserved + qty } : null,
  release: (qty: number) => (l: Amounts) => ({ ...l, reserved: Math.max(0, l.reserved - qty) }),
  ship: (qty: number) => (l: Amounts) => ({
    onHand: l.onHand - qty,
    reserved: Math.max(0, l.reserved - qty),
  }),
};
