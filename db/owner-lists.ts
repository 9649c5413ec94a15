import mongoose from 'mongoose';
import { withLock } from './claims.js';
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
  const lockOf = (owner: Id | string) => `list:${key(owner)}`;
  const read = async (owner: Id | string): Promise<Id[]> =>
    (await OwnerList.findById(key(owner), { ids: 1 }).lean())?.ids ?? [];
  return {
    /** The lock a writer holds while it changes both the list and what it lists. */
    lockOf,
    read,
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
      // not `$pull` with `$in`: FerretDB 1.24 accepts it and removes nothing
      await OwnerList.updateOne({ _id: key(owner) }, { $pullAll: { ids } });
    },
    /** Everyone with this list, empty or not (a repair). */
    async owners(): Promise<string[]> {
      const rows = await OwnerList.find({ _id: { $regex: `^${list}:` } }, { _id: 1 }).lean();
      return rows.map((r) => String(r._id).slice(list.length + 1));
    },
    /**
     * The repair: makes an owner's list what `seen` (a read of the whole collection a moment ago)
     * says, under the list's lock. Where the read and the list disagree (a write landed in
     * between, or a crash left the list behind) `holds` decides, from a fresh read by `_id`.
     */
    async settle(owner: string, seen: Id[], holds: (id: Id) => Promise<boolean>, now: Date): Promise<void> {
      await withLock(lockOf(owner), now, async () => {
        const listed = new Set((await read(owner)).map(String));
        const agreed = new Set(seen.map(String).filter((id) => listed.has(id)));
        const unsure = [...seen.map(String), ...listed].filter((id) => !agreed.has(id));
        const held = await Promise.all(
          [...new Set(unsure)].map(async (id) =>
            (await holds(new mongoose.Types.ObjectId(id))) ? [id] : [],
          ),
        );
        const ids = [...agreed, ...held.flat()].map((id) => new mongoose.Types.ObjectId(id));
        await OwnerList.updateOne({ _id: key(owner) }, { $set: { ids } }, { upsert: true });
      });
    },
  };
}
