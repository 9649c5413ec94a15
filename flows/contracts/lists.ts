import type mongoose from 'mongoose';
import { withLock } from '../../db/claims.js';
import { Contract, type ContractDoc, ContractList } from '../../db/models/contract.js';
import { inParallel } from '../../db/point-reads.js';

type Id = mongoose.Types.ObjectId | string;

export const ownerKey = (owner: Id) => `owner:${owner}`;
export const customerKey = (customer: Id) => `customer:${customer}`;

/** Adds a contract number to a list, under the list's lock (see ContractList). */
export async function listAdd(key: string, no: string, now: Date): Promise<void> {
  await withLock(`list:contracts:${key}`, now, () =>
    ContractList.updateOne({ _id: key }, { $addToSet: { nos: no } }, { upsert: true }),
  );
}

/**
 * The contracts on a list, each read by `_id` and kept only if it still belongs there (`holds`),
 * newest first.
 */
export async function listRead(key: string, holds: (c: ContractDoc) => boolean): Promise<ContractDoc[]> {
  const nos = (await ContractList.findById(key, { nos: 1 }).lean())?.nos ?? [];
  const found: ContractDoc[] = [];
  await inParallel(nos, async (no) => {
    const doc = await Contract.findById(no).lean<ContractDoc>();
    if (doc && holds(doc)) found.push(doc);
  });
  return found.sort((a, b) => b._id.localeCompare(a._id));
}
