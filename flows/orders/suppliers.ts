import { nameKeyOf } from '../../db/models/customer.js';
import { PurchaseOrder } from '../../db/models/purchase-order.js';
import { Supplier } from '../../db/models/supplier.js';
import type { MigrationSpec } from '../../src/bot/flow.js';

/** The supplier of that name, as first written, or null when nobody has purchased from it. */
export async function knownSupplier(name: string): Promise<string | null> {
  return (await Supplier.findById(nameKeyOf(name)).lean())?.name ?? null;
}

/** Up to `limit` known suppliers whose names share the most characters with `name`. */
export async function similarSuppliers(name: string, limit = 4): Promise<string[]> {
  // the supplier list is short (a company buys from tens, not thousands); a bounded read is fine
  const all = await Supplier.find({}, { name: 1 }).limit(2000).lean();
  const key = nameKeyOf(name);
  const score = (other: string) => {
    const chars = new Set(nameKeyOf(other));
    return [...new Set(key)].filter((c) => c !== ' ' && chars.has(c)).length / Math.max(1, new Set(key).size);
  };
  return all
    .map((s) => ({ name: s.name, score: score(s.name) }))
    .filter((s) => s.score >= 0.5)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((s) => s.name);
}

/** The first `limit` known suppliers by name, for a card that asks which one to buy from. */
export async function listSuppliers(limit = 8): Promise<string[]> {
  const all = await Supplier.find({}, { name: 1 }).limit(2000).lean();
  return all
    .map((s) => s.name)
    .sort((a, b) => a.localeCompare(b))
    .slice(0, limit);
}

export async function rememberSupplier(name: string, at: Date): Promise<void> {
  await Supplier.updateOne(
    { _id: nameKeyOf(name) },
    { $setOnInsert: { name: name.trim(), firstAt: at } },
    { upsert: true },
  ).catch((err: unknown) => {
    // a concurrent first purchase from the same supplier wrote it already
    if ((err as { code?: number }).code !== 11000) throw err;
  });
}

/** Suppliers of purchase orders written before the registry existed. */
export const supplierMigration: MigrationSpec = {
  id: 'orders.suppliers-from-purchases',
  async step(cursor) {
    const rows = await PurchaseOrder.find(cursor ? { _id: { $gt: cursor } } : {}, {
      supplierName: 1,
      createdAt: 1,
    })
      .sort({ _id: 1 })
      .limit(500)
      .lean();
    for (const r of rows) await rememberSupplier(r.supplierName, r.createdAt ?? new Date(0));
    return { cursor: rows.length === 500 ? String(rows.at(-1)?._id) : null, migrated: rows.length };
  },
};
