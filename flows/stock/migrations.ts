import type mongoose from 'mongoose';
import { bulkWriteInSlices } from '../../db/bulk-write.js';
import { levelKey, StockLevel } from '../../db/models/stock-level.js';
import { StockMovement } from '../../db/models/stock-movement.js';
import type { MigrationSpec } from '../../src/bot/flow.js';

type Id = mongoose.Types.ObjectId;
const BATCH = 5000;
/** The unique index levels had when their `_id` was an ObjectId; it would refuse the re-keyed copy. */
const OLD_INDEX = 'productId_1_warehouseId_1';
const isIndexMissing = (err: unknown) => (err as { codeName?: string }).codeName === 'IndexNotFound';

type OldRow = { _id: Id; productId: Id; warehouseId: Id } & Record<string, unknown>;

/** Copies each row under its new key, then deletes the old one: a repeat overwrites the copy with the same. */
async function rekey(
  // biome-ignore lint/suspicious/noExplicitAny: either stock model
  model: mongoose.Model<any>,
  rows: OldRow[],
  keyOf: (row: OldRow) => Record<string, unknown>,
): Promise<void> {
  if (rows.length === 0) return;
  await bulkWriteInSlices(
    model,
    rows.map((row) => {
      const replacement = { ...row, ...keyOf(row) };
      return { replaceOne: { filter: { _id: replacement._id }, replacement, upsert: true } };
    }),
    { ordered: false },
  );
  // by the driver: the model would cast the old ObjectId `_id`s to the strings its schema wants now
  await bulkWriteInSlices(
    model.collection,
    rows.map((row) => ({ deleteOne: { filter: { _id: row._id } } })),
    { ordered: false },
  );
}

/**
 * Stock levels keyed `<productId>:<warehouseId>` instead of an ObjectId, and their ledger rows
 * keyed by the new level's revisions (`<productId>:<warehouseId>:v<n>`, same n). Levels first,
 * all at once (there are products × warehouses of them), then the ledger in batches. Each step
 * takes what still has the old shape, so a repeat after a crash finds only what is left; copies
 * are written before the originals go, so nothing is lost in between. Versions carry over: the
 * next movement claims v<n+1> of the new key.
 */
export const levelKeysMigration: MigrationSpec = {
  id: 'stock.level-keys',
  async step(cursor) {
    if (cursor === null) {
      await StockLevel.collection.dropIndex(OLD_INDEX).catch((err: unknown) => {
        if (!isIndexMissing(err)) throw err;
      });
      const levels = await StockLevel.find({ _id: { $type: 'objectId' } }).lean<OldRow[]>();
      await rekey(StockLevel, levels, (l) => ({ _id: levelKey(l.productId, l.warehouseId) }));
      return { cursor: 'ledger', migrated: levels.length };
    }
    const rows = await StockMovement.find({ levelId: { $type: 'objectId' } })
      .limit(BATCH)
      .lean<OldRow[]>();
    await rekey(StockMovement, rows, (r) => {
      const levelId = levelKey(r.productId, r.warehouseId);
      return { _id: `${levelId}:v${String(r._id).split(':v')[1]}`, levelId };
    });
    return { cursor: rows.length === BATCH ? 'ledger' : null, migrated: rows.length };
  },
};
