import type mongoose from 'mongoose';
import { withLock } from '../../db/claims.js';
import { pointAll } from '../../db/pointers.js';
import { type Counted, countChange, recordCounts, sumChanges } from './counts.js';
import { customerNameRef } from './keys.js';
import { customerNameWrites } from './name-index.js';
import { byOwner, ownedLists } from './ownership.js';

type Id = mongoose.Types.ObjectId;
export type Added = Counted & { _id: Id; name: string; nameKey: string };

/** Up to this many customers added at once are announced one by one; more = every instance reloads. */
const ONE_BY_ONE_MAX = 100;

/** Their name pointers, and each on its owner's list (idempotent: a migration repeats a batch). */
export async function pointAndList(added: Added[], at: Date): Promise<void> {
  await pointAll(
    added.map((c) => ({ key: customerNameRef(c.name), ref: c._id })),
    at,
  );
  for (const [owner, ids] of byOwner(added))
    await withLock(ownedLists.lockOf(owner), at, () => ownedLists.add(owner, ids));
}

/**
 * What follows customers inserted in bulk (an import, the demo): what a single create does one
 * by one — name pointers, owners' lists, the company's counts, the name index on every instance.
 */
export async function recordAdded(added: Added[], at: Date): Promise<void> {
  await pointAndList(added, at);
  await recordCounts(sumChanges(added.map((c) => countChange(null, c))), at);
  if (added.length > ONE_BY_ONE_MAX) await customerNameWrites.manySaved(at);
  else for (const c of added) await customerNameWrites.saved(c, at);
}
