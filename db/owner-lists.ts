import type mongoose from 'mongoose';
import { OwnerList } from './models/owner-list.js';

type Id = mongoose.Types.ObjectId;

/**
 * A person's list of documents (db/models/owner-list.ts). Writers hold the list's lock (a
 * `withLock` claim, db/claims.ts) around `add`/`remove`, together with the write that makes the
 * entry true, so the list stays exact under concurrency; readers double-check each entry against
 * the document it names, so what a crash left behind is never shown.
 */
export function ownerList(list: string) {
  const key = (owner: Id | string) => `${list}:${owner}`;
  return {
    /** The lock a writer holds while it changes both the list and what it lists. */
    lockOf: (owner: Id | string) => `list:${key(owner)}`,
    async read(owner: Id | string): Promise<Id[]> {
      return (await OwnerList.findById(key(owner), { ids: 1 }).lean())?.ids ?? [];
    },
    async add(owner: Id | string, ids: Id[]): Promise<void> {
      if (ids.length === 0) return;
      await OwnerList.updateOne(
        { _id: key(owner) },
        { $addToSet: { ids: { $each: ids } } },
        { upsert: true },
      );
    },
    async remove(owner: Id | string, ids: Id[]): Promise<void> {
      if (ids.length === 0) return;
      await OwnerList.updateOne({ _id: key(owner) }, { $pull: { ids: { $in: ids } } });
    },
    /** Everyone with this list, empty or not (a repair). */
    async owners(): Promise<string[]> {
      const rows = await OwnerList.find({ _id: { $regex: `^${list}:` } }, { _id: 1 }).lean();
      return rows.map((r) => String(r._id).slice(list.length + 1));
    },
    /** Replaces the whole list (a repair or a migration that counted it afresh). */
    async set(owner: Id | string, ids: Id[]): Promise<void> {
      await OwnerList.updateOne({ _id: key(owner) }, { $set: { ids } }, { upsert: true });
    },
  };
}
