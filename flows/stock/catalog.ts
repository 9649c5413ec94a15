import type mongoose from 'mongoose';
import { type FeedChange, RELOAD } from '../../db/change-feed.js';
import { Product, type ProductDoc } from '../../db/models/product.js';
import { StockLevel } from '../../db/models/stock-level.js';
import { Warehouse, type WarehouseDoc } from '../../db/models/warehouse.js';
import { createSyncedCache } from '../../db/synced-cache.js';
import type { CacheSpec } from '../../src/bot/flow.js';
import { levelsOf } from './levels.js';

type Id = mongoose.Types.ObjectId;

/**
 * Products and warehouses in memory, kept current across app instances like the directory
 * (db/synced-cache.ts): a stock query or an order names products by SKU, and on the embedded
 * store a query by SKU reads the whole collection. `lowEpoch` changes without an announcement:
 * read it from the database (alerts do).
 */
type Catalog = {
  bySku: Map<string, ProductDoc>;
  products: Map<string, ProductDoc>;
  warehouses: WarehouseDoc[];
};

const PRODUCT = 'product';
const WAREHOUSE = 'warehouse';

const byOrder = (a: WarehouseDoc, b: WarehouseDoc) =>
  a.order - b.order || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

async function load(): Promise<Catalog> {
  const [products, warehouses] = await Promise.all([
    Product.find({}).lean<ProductDoc[]>(),
    Warehouse.find({}).lean<WarehouseDoc[]>(),
  ]);
  const catalog: Catalog = { bySku: new Map(), products: new Map(), warehouses: warehouses.sort(byOrder) };
  for (const p of products) putProduct(catalog, p);
  return catalog;
}

function putProduct(catalog: Catalog, doc: ProductDoc): void {
  const before = catalog.products.get(String(doc._id));
  if (before && before.sku !== doc.sku) catalog.bySku.delete(before.sku);
  catalog.products.set(String(doc._id), doc);
  catalog.bySku.set(doc.sku, doc);
}

/** A change names the product or warehouse; it is re-read by `_id`, so the latest write wins. */
async function apply(catalog: Catalog, change: FeedChange): Promise<void> {
  if (change.kind === PRODUCT) {
    const doc = await Product.findById(change.key).lean<ProductDoc>();
    const before = catalog.products.get(change.key);
    if (doc) putProduct(catalog, doc);
    else if (before) {
      catalog.products.delete(change.key);
      catalog.bySku.delete(before.sku);
    }
  } else if (change.kind === WAREHOUSE) {
    const doc = await Warehouse.findById(change.key).lean<WarehouseDoc>();
    const rest = catalog.warehouses.filter((w) => String(w._id) !== change.key);
    catalog.warehouses = (doc ? [...rest, doc] : rest).sort(byOrder);
  }
}

const cache = createSyncedCache<Catalog>({ feed: 'catalog', load, apply });

export const catalogCache: CacheSpec = { name: 'catalog', start: cache.start, stop: cache.stop };

/** Every write to products or warehouses announces itself through one of these, after the write. */
export const catalogWrites = {
  productSaved: (id: Id, at: Date) => cache.publish({ kind: PRODUCT, key: String(id) }, at),
  warehouseSaved: (id: Id, at: Date) => cache.publish({ kind: WAREHOUSE, key: String(id) }, at),
  /** After a batch (an import, the demo): every instance re-reads the catalogue. */
  manySaved: (at: Date) => cache.publish(RELOAD, at),
};

/** Catches up with other instances' writes now (tests; the app does it every few seconds). */
export const refreshCatalog = cache.refresh;

export const findBySku = async (sku: string): Promise<ProductDoc | null> =>
  (await cache.read()).bySku.get(sku.trim().toUpperCase()) ?? null;

/** Every product by its `_id` (reports). */
export const productsById = async (): Promise<ReadonlyMap<string, ProductDoc>> =>
  (await cache.read()).products;

/** Products by SKU (upper case); unknown ones are left out. */
export async function productsBySku(skus: string[]): Promise<ProductDoc[]> {
  const { bySku } = await cache.read();
  return skus.flatMap((sku) => bySku.get(sku.toUpperCase()) ?? []);
}

/**
 * An exact SKU, else the products whose SKU or either name contains every word (at most
 * `limit`). English plurals read as their singular ("routers", "switches").
 */
export async function searchProducts(query: string, limit = 8): Promise<ProductDoc[]> {
  const exact = await findBySku(query);
  if (exact) return [exact];
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const found = [...(await cache.read()).products.values()].filter((p) => {
    const text = namesOf(p).map((t) => t.toLowerCase());
    return words.every((w) => spellings(w).some((form) => text.some((t) => t.includes(form))));
  });
  return found.sort((a, b) => (a.sku < b.sku ? -1 : 1)).slice(0, limit);
}

/**
 * The product a movement or an order line names: as `searchProducts`, except that a product
 * whose SKU or name is exactly the words wins ("路由器" is the router, not also the 无线路由器).
 */
export async function productsNamed(word: string, limit = 8): Promise<ProductDoc[]> {
  const words = word.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const last = words.pop();
  if (last === undefined) return [];
  const whole = new Set(spellings(last).map((w) => [...words, w].join(' ')));
  const named = [...(await cache.read()).products.values()]
    .filter((p) => namesOf(p).some((t) => whole.has(t.toLowerCase())))
    .sort((a, b) => (a.sku < b.sku ? -1 : 1))
    .slice(0, limit);
  return named.length > 0 ? named : searchProducts(word, limit);
}

/** Every name a product answers to: its SKU, both names and its aliases. */
const namesOf = (p: ProductDoc): string[] => [p.sku, p.name, p.nameEn ?? '', ...(p.aliases ?? [])];

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

/** In their order (the first is the default). */
export const listWarehouses = async (): Promise<WarehouseDoc[]> => (await cache.read()).warehouses;

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
  const warehouses = await listWarehouses();
  const levels = await levelsOf(
    product._id,
    warehouses.map((w) => w._id),
  );
  const rows = warehouses.map((warehouse, i) => {
    const l = levels[i];
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

/** Total on hand of one product over every warehouse, its levels read by `_id`. */
export async function onHandOf(productId: Id): Promise<number> {
  const warehouses = await listWarehouses();
  const levels = await levelsOf(
    productId,
    warehouses.map((w) => w._id),
  );
  return levels.reduce((sum, l) => sum + (l?.onHand ?? 0), 0);
}

/**
 * Total on hand per product, over every warehouse: one read of all levels, which number the
 * catalogue times the warehouses (the ledger, which grows, is not read).
 */
export async function totalsOnHand(productIds: Id[]): Promise<Map<string, number>> {
  const rows: { _id: Id; total: number }[] = await StockLevel.aggregate([
    { $match: { productId: { $in: productIds } } },
    { $group: { _id: '$productId', total: { $sum: '$onHand' } } },
  ]);
  return new Map(rows.map((r) => [String(r._id), r.total]));
}

/** Products at or under their reorder level (by total on hand); a level of 0 means "not tracked". */
export async function lowStock(): Promise<{ product: ProductDoc; onHand: number }[]> {
  const tracked = [...(await cache.read()).products.values()]
    .filter((p) => p.reorderLevel > 0)
    .sort((a, b) => (a.sku < b.sku ? -1 : 1));
  const totals = await totalsOnHand(tracked.map((p) => p._id));
  return tracked
    .map((product) => ({ product, onHand: totals.get(String(product._id)) ?? 0 }))
    .filter((r) => r.onHand <= r.product.reorderLevel);
}
