import type mongoose from 'mongoose';
import { Product, type ProductDoc } from '../../db/models/product.js';
import { StockLevel, type StockLevelDoc } from '../../db/models/stock-level.js';
import { Warehouse, type WarehouseDoc } from '../../db/models/warehouse.js';

type Id = mongoose.Types.ObjectId;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const findBySku = (sku: string) => Product.findOne({ sku: sku.toUpperCase() }).lean<ProductDoc>();

/**
 * An exact SKU, else the products whose SKU or either name contains every word (at most
 * `limit`). English plurals read as their singular ("routers", "switches").
 */
export async function searchProducts(query: string, limit = 8): Promise<ProductDoc[]> {
  const exact = await findBySku(query.trim());
  if (exact) return [exact];
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const match = words.map((w) => {
    const re = alternatives(spellings(w), false);
    return { $or: [{ sku: re }, { name: re }, { nameEn: re }] };
  });
  return Product.find({ $and: match }).sort({ sku: 1 }).limit(limit).lean<ProductDoc[]>();
}

/**
 * The product a movement or an order line names: as `searchProducts`, except that a product
 * whose name is exactly the word wins ("路由器" is the router, not also the 无线路由器).
 */
export async function productsNamed(word: string, limit = 8): Promise<ProductDoc[]> {
  const words = word.trim().split(/\s+/).filter(Boolean);
  const last = words.pop();
  if (last === undefined) return [];
  const whole = alternatives(
    spellings(last).map((w) => [...words, w].join(' ')),
    true,
  );
  const named = await Product.find({ $or: [{ sku: whole }, { name: whole }, { nameEn: whole }] })
    .sort({ sku: 1 })
    .limit(limit)
    .lean<ProductDoc[]>();
  return named.length > 0 ? named : searchProducts(word, limit);
}

/** A word and, for an English plural, its singular: "routers" → router, "switches" → switch. */
function spellings(word: string): string[] {
  const singular = /ies$/i.test(word)
    ? `${word.slice(0, -3)}y`
    : /(s|x|z|ch|sh)es$/i.test(word)
      ? word.slice(0, -2)
      : /[^s]s$/i.test(word)
        ? word.slice(0, -1)
        : word;
  return singular === word ? [word] : [word, singular];
}

const alternatives = (words: string[], whole: boolean) => {
  const alts = words.map(escapeRegExp).join('|');
  return new RegExp(whole ? `^(?:${alts})$` : alts, 'i');
};

export const listWarehouses = () => Warehouse.find().sort({ order: 1, code: 1 }).lean<WarehouseDoc[]>();

/** A warehouse by code or either name, case-insensitive. */
export async function findWarehouse(word: string): Promise<WarehouseDoc | null> {
  const key = word.trim().toLowerCase();
  return (
    (await listWarehouses()).find((w) =>
      [w.code, w.name, w.nameEn].some((n) => n && n.toLowerCase() === key),
    ) ?? null
  );
}

export type StockView = {
  product: ProductDoc;
  rows: { warehouse: WarehouseDoc; onHand: number; reserved: number; available: number }[];
  onHand: number;
  available: number;
};

/** Per-warehouse stock of one product, every warehouse listed (zero where none is kept). */
export async function stockOf(product: ProductDoc): Promise<StockView> {
  const [warehouses, levels] = await Promise.all([
    listWarehouses(),
    StockLevel.find({ productId: product._id }).lean<StockLevelDoc[]>(),
  ]);
  const rows = warehouses.map((warehouse) => {
    const l = levels.find((x) => x.warehouseId.equals(warehouse._id));
    const onHand = l?.onHand ?? 0;
    const reserved = l?.reserved ?? 0;
    return { warehouse, onHand, reserved, available: onHand - reserved };
  });
  return {
    product,
    rows,
    onHand: rows.reduce((s, r) => s + r.onHand, 0),
    available: rows.reduce((s, r) => s + r.available, 0),
  };
}

/** Total on hand per product, over every warehouse. */
export async function totalsOnHand(productIds: Id[]): Promise<Map<string, number>> {
  const rows: { _id: Id; total: number }[] = await StockLevel.aggregate([
    { $match: { productId: { $in: productIds } } },
    { $group: { _id: '$productId', total: { $sum: '$onHand' } } },
  ]);
  return new Map(rows.map((r) => [String(r._id), r.total]));
}

/** Products at or under their reorder level (by total on hand); a level of 0 means "not tracked". */
export async function lowStock(): Promise<{ product: ProductDoc; onHand: number }[]> {
  const tracked = await Product.find({ reorderLevel: { $gt: 0 } })
    .sort({ sku: 1 })
    .lean<ProductDoc[]>();
  const totals = await totalsOnHand(tracked.map((p) => p._id));
  return tracked
    .map((product) => ({ product, onHand: totals.get(String(product._id)) ?? 0 }))
    .filter((r) => r.onHand <= r.product.reorderLevel);
}
