import mongoose from 'mongoose';
import { readDirectory } from '../org/api.js';
import { listPending } from './lists.js';
import { changeRequest } from './service.js';
import { transfer } from './workflow.js';

/** More waiting on one person than this is not a real inbox; the rest is left for an admin. */
const AT_MOST = 1000;
const LEFT = '离职转交 / approver left the company';

/**
 * `Flow.onEmployeeLeft`: every request still waiting for the leaver is handed to `managerId`
 * (else the first admin), as a 转交 with its history line. A request where that person is the
 * requester cannot be theirs to approve: it goes to an admin instead.
 */
export async function reassignApprovalsOf(
  employeeId: string,
  managerId: string | null,
  now: Date,
): Promise<void> {
  const leaver = new mongoose.Types.ObjectId(employeeId);
  const admins = (await readDirectory())
    .withRole('admin')
    .map((a) => a._id)
    .filter((id) => !id.equals(leaver));
  const targets = [...(managerId ? [new mongoose.Types.ObjectId(managerId)] : []), ...admins];
  for (const doc of await listPending(employeeId, now, AT_MOST)) {
    const to = targets.find((id) => !id.equals(doc.requesterId));
    if (to) await changeRequest(doc._id, (current) => transfer(current, leaver, to, LEFT, now), now);
  }
}
