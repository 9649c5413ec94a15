import type mongoose from 'mongoose';
import { claim } from '../../db/claims.js';
import { Claim } from '../../db/models/claim.js';
import { Product, type ProductDoc } from '../../db/models/product.js';
import type { StockLevelDoc } from '../../db/models/stock-level.js';
import type { WarehouseDoc } from '../../db/models/warehouse.js';
import type { Person } from '../../src/bot/types.js';
import { readDirectory } from '../org/api.js';
import { findBySku, findWarehouse, listWarehouses, onHandOf } from './catalog.js';
import { type Amounts, moveStock, rules } from './levels.js';

type Id = mongoose.Types.ObjectId;

/** Warehouse staff move stock; admins may too (corrections). */
export const canMoveStock = (p: Pick<Person, 'roles'>) =>
  p.roles.includes('warehouse') || p.roles.includes('admin');

export type ManualKind = 'in' | 'out' | 'count';
export type MoveRequest = {
  kind: ManualKind;
  sku: string;
  qty: number;
  warehouse?: string;
  note?: string;
  ref?: string;
  by: Pick<Person, 'id' | 'roles'>;
  at: Date;
};
export type MoveOutcome =
  | {
      ok: true;
      product: ProductDoc;
      warehouse: WarehouseDoc;
      level: StockLevelDoc;
      before: Amounts;
    }
  | { ok: false; problem: 'forbidden' | 'unknown_sku' | 'no_warehouse' }
  | { ok: false; problem: 'unknown_warehouse'; warehouse: string }
  | {
      ok: false;
      problem: 'short' | 'below_reserved';
      product: ProductDoc;
      warehouse: WarehouseDoc;
      level: Amounts;
    };

/** The warehouse written, or the default (first) one. */
export async function resolveWarehouse(word: string | undefined): Promise<WarehouseDoc | null> {
  if (word) return findWarehouse(word);
  return (await listWarehouses())[0] ?? null;
}

/** A stock-in, stock-out or count from chat: checked, moved atomically, low stock detected. */
export async function recordMovement(req: MoveRequest): Promise<MoveOutcome> {
  if (!canMoveStock(req.by)) return { ok: false, problem: 'forbidden' };
  const product = await findBySku(req.sku);
  if (!product) return { ok: false, problem: 'unknown_sku' };
  const warehouse = await resolveWarehouse(req.warehouse);
  if (!warehouse)
    return req.warehouse
      ? { ok: false, problem: 'unknown_warehouse', warehouse: req.warehouse }
      : { ok: false, problem: 'no_warehouse' };
  const moved = await moveStock({
    productId: product._id,
    warehouseId: warehouse._id,
    kind: req.kind,
    by: req.by.id,
    at: req.at,
    note: req.note,
    ref: req.ref,
    apply: rules[req.kind](req.qty),
  });
  if (!moved.ok)
    return {
      ok: false,
      problem: req.kind === 'count' ? 'below_reserved' : 'short',
      product,
      warehouse,
      level: moved.level,
    };
  return {
    ok: true,
    product,
    warehouse,
    level: moved.level,
    before: moved.before,
  };
}

/**
 * Who to tell that a product is low, once per dip: the first movement that finds the product at
 * or under its reorder level claims `lowstock:<id>:e<epoch>`; a later movement that finds it above
 * again starts a new epoch, so the next dip is told again.
 */
export async function lowAlert(productId: Id, at: Date): Promise<Id[]> {
  const product = await Product.findById(productId, { reorderLevel: 1, lowEpoch: 1 }).lean();
  if (!product || product.reorderLevel <= 0) return [];
  const total = await onHandOf(productId);
  const key = `lowstock:${productId}:e${product.lowEpoch}`;
  if (total > product.reorderLevel) {
    if (await Claim.exists({ _id: key }))
      await Product.updateOne({ _id: productId, lowEpoch: product.lowEpoch }, { $inc: { lowEpoch: 1 } });
    return [];
  }
  if (!(await claim(key, at))) return [];
  return warehouseManagers();
}

export async function warehouseManagers(): Promise<Id[]> {
  const staff = (await readDirectory()).withRole('warehouse');
  return staff.filter((e) => e.roles.includes('manager')).map((e) => e._id);
}
