import type mongoose from 'mongoose';

export type Step = (cursor: string | null, now: Date) => Promise<{ cursor: string | null; migrated: number }>;

/**
 * A migration step (db/migrations.ts) that walks a whole collection `size` documents at a time,
 * in natural (insertion) order; the cursor is how many were done. Neither a filter nor a sort:
 * with either, the embedded store reads (and sorts) the whole collection on every step, while
 * this reads only up to the batch's end — about n²/2·size rows over the walk, in a few steps.
 * `handle` must be idempotent (a crash repeats its batch) and must not delete from the collection.
 */
export function walk<T>(
  // biome-ignore lint/suspicious/noExplicitAny: any model
  model: mongoose.Model<any>,
  projection: Record<string, 1>,
  size: number,
  handle: (rows: T[], now: Date) => Promise<void>,
): Step {
  return async (cursor, now) => {
    const done = Number(cursor ?? 0);
    const rows = await model.find({}, projection).skip(done).limit(size).lean<T[]>();
    await handle(rows, now);
    return { cursor: rows.length === size ? String(done + size) : null, migrated: rows.length };
  };
}
