import type mongoose from 'mongoose';
import { bulkWriteInSlices } from './bulk-write.js';
import { Pointer } from './models/pointer.js';
import { inParallel } from './point-reads.js';

type Id = mongoose.Types.ObjectId;

/** The `_id` that `key` points to, or null. */
export async function follow(key: string): Promise<Id | null> {
  return (await Pointer.findById(key, { ref: 1 }).lean())?.ref ?? null;
}

/** Points `key` at `ref`, whatever it pointed to before. */
export async function pointAt(key: string, ref: Id, at: Date): Promise<void> {
  await Pointer.updateOne({ _id: key }, { $set: { ref, at } }, { upsert: true });
}

/** Points each key at its ref, whatever it pointed to before (migrations, repairs, bulk writes). */
export async function pointAll(pairs: { key: string; ref: Id }[], at: Date): Promise<void> {
  await bulkWriteInSlices(
    Pointer,
    pairs.map(({ key, ref }) => ({
      updateOne: { filter: { _id: key }, update: { $set: { ref, at } }, upsert: true },
    })),
    { ordered: false },
  );
}

/**
 * Follows many keys: one point read each (a `$in` on `_id` reads the whole collection there), a
 * few at a time — ten thousand reads issued at once kept the event loop busy for seconds.
 */
export async function followAll(keys: string[]): Promise<Map<string, Id>> {
  const found = new Map<string, Id>();
  await inParallel(keys, async (key) => {
    const ref = await follow(key);
    if (ref) found.set(key, ref);
  });
  return found;
}
