import mongoose from 'mongoose';
import { Contract, type ContractDoc } from '../../db/models/contract.js';
import { changeVersioned } from '../../db/versioned.js';
import { listAdd, ownerKey } from './lists.js';
import { contractsOwnedBy } from './read.js';

/**
 * `Flow.onEmployeeLeft`: the leaver's contracts still running (awaiting approval or with money to
 * collect) go to `managerId`, so receivables keep an owner who is reminded of them. Paid ones stay
 * with who sold them, as a record. With nobody above them, nothing moves (an admin sees all).
 * Each move is guarded on the owner still being the leaver, so a rerun moves nothing twice.
 */
export async function handContractsOf(
  employeeId: string,
  managerId: string | null,
  now: Date,
): Promise<ContractDoc[]> {
  if (!managerId) return [];
  const to = new mongoose.Types.ObjectId(managerId);
  const moved: ContractDoc[] = [];
  for (const c of await contractsOwnedBy(employeeId)) {
    if (c.status === 'paid') continue;
    const result = await changeVersioned<ContractDoc, 'not_owner'>(
      Contract,
      'contract',
      c._id,
      (doc) => (String(doc.ownerId) === employeeId ? { ownerId: to } : 'not_owner'),
      now,
    );
    if (!result.ok) continue;
    // the leaver's list keeps the number; reading it skips contracts no longer theirs
    await listAdd(ownerKey(to), c._id, now);
    moved.push(result.doc);
  }
  return moved;
}
