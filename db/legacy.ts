import mongoose from 'mongoose';
import { bulkWriteInSlices } from './bulk-write.js';
import type { Migration } from './migrations.js';

export type Row = { _id: mongoose.Types.ObjectId | string; [field: string]: unknown };
const NAMESPACE_NOT_FOUND = 26;

/** A collection read and written as stored, without a model (a retired one, or one moved into). */
export const rawCollection = (name: string) => {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  return db.collection<Row>(name);
};

/**
 * A migration that moves the documents of a retired collection, a batch at a time, into their
 * new home (`move`, idempotent: a crash repeats the batch) and then deletes them, dropping the
 * collection once it is empty. The source shrinking is what makes it resumable: each batch is
 * simply the first rows left — a read the embedded store stops after `batch` rows, where
 * "after this cursor" (a filter and a sort) would read the whole collection every batch.
 * Deletes go one `_id` at a time, the only filter it looks up by index.
 */
export function moveLegacy(spec: {
  id: string;
  from: string;
  batch: number;
  move(rows: Row[], now: Date): Promise<void>;
}): Migration {
  return {
    id: spec.id,
    async step(_cursor, now) {
      const source = rawCollection(spec.from);
      const rows = await source.find({}).limit(spec.batch).toArray();
      if (rows.length === 0) {
        await source.drop().catch((err: { code?: number }) => {
          if (err.code !== NAMESPACE_NOT_FOUND) throw err; // never created: nothing was ever stored
        });
        return { cursor: null, migrated: 0 };
      }
      await spec.move(rows, now);
      await bulkWriteInSlices(
        source,
        rows.map((r) => ({ deleteOne: { filter: { _id: r._id } } })),
        { ordered: false },
      );
      return { cursor: String(rows.at(-1)?._id), migrated: rows.length };
    },
  };
}
