import { DateTime } from 'luxon';
import type mongoose from 'mongoose';
import { ApprovalRequest, type ApprovalRequestDoc } from '../../db/models/approval-request.js';
import type { JobDeps } from '../../src/bot/flow.js';
import { readDirectory } from '../org/api.js';
import { applyApproval } from './effects.js';
import { escalate } from './escalate.js';
import { announceChange } from './messaging.js';
import { changeRequest } from './service.js';

type Id = mongoose.Types.ObjectId;

/**
 * The job: every pending request past its step's deadline is escalated or decided by the system,
 * once. Two instances running it at the same moment both try the same change; the request's
 * version claim lets one through and the other re-reads a request whose deadline moved on, so
 * only the winner writes and only the winner tells anyone. Reads every pending request's
 * deadline (a scan, like the reminders job: the embedded store looks up nothing but `_id`).
 */
export async function escalateOverdue(
  now: Date,
  out: Pick<JobDeps, 'notify' | 'update' | 'reminders'>,
): Promise<{ escalated: number }> {
  const pending = await ApprovalRequest.find({ status: 'pending' }, { deadline: 1 }).lean<
    Pick<ApprovalRequestDoc, '_id' | 'deadline'>[]
  >();
  const org = await readDirectory();
  const managerOf = (id: Id): Id | null => org.active(org.active(id)?.managerId)?._id ?? null;
  let escalated = 0;
  for (const { _id, deadline } of pending) {
    if (!deadline || deadline.at > now) continue;
    const result = await changeRequest(_id, (doc) => escalate(doc, deadline, managerOf, now), now);
    if (!result.ok) continue;
    if (result.change.event === 'approved') {
      const zone = org.byId(result.doc.requesterId)?.timezone ?? 'Asia/Shanghai';
      await applyApproval(result.doc, DateTime.fromJSDate(now, { zone }).toISODate() ?? '');
    }
    await announceChange(out, result, '');
    escalated++;
  }
  return { escalated };
}
