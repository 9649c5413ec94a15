import type mongoose from 'mongoose';
import { Customer } from '../../db/models/customer.js';
import { pointAll } from '../../db/pointers.js';
import type { Added } from './bulk-added.js';
import { countAll, replaceCounts } from './counts.js';
import { customerNameRef } from './keys.js';
import { customerNameWrites } from './name-index.js';
import { byOwner, ownedLists } from './ownership.js';

type Id = mongoose.Types.ObjectId;
export const customerFields = {
  name: 1,
  nameKey: 1,
  city: 1,
  ageBand: 1,
  industry: 1,
  stage: 1,
  ownerId: 1,
  lostReason: 1,
} as const;

/**
 * Rebuilds what is kept on write from the customers themselves: name pointers, every owner's
 * list, the company's counts, the name index everywhere. The repair after a crash between a
 * write and its bookkeeping, or a hand edit in the database (`POST /api/crm/recount`). It reads
 * the whole collection — an admin's repair, never a chat turn. Lists are exact: each owner's is
 * settled under its lock, re-reading by `_id` the customers on which the read and the list
 * disagree. Counts are as of the read: a customer created or changing hands while it runs may
 * be counted as it was; run it again in a quiet moment if that matters.
 */
export async function recountCustomers(now: Date): Promise<{ customers: number; owners: number }> {
  const rows = await Customer.find({}, customerFields).lean<Added[]>();
  await pointAll(
    rows.map((c) => ({ key: customerNameRef(c.name), ref: c._id })),
    now,
  );
  const owned = byOwner(rows);
  const owners = new Set([...owned.keys(), ...(await ownedLists.owners())]);
  const holds = (owner: string) => async (id: Id) =>
    (await Customer.findById(id, { ownerId: 1 }).lean())?.ownerId?.equals(owner) === true;
  for (const owner of owners) await ownedLists.settle(owner, owned.get(owner) ?? [], holds(owner), now);
  await replaceCounts(countAll(rows), now);
  await customerNameWrites.manySaved(now);
  return { customers: rows.length, owners: owned.size };
}
