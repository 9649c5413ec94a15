import type { ApprovalRequestDoc, Deadline, StepLimits } from '../../db/models/approval-request.js';
import { addWorkingHours, loadSchedules } from '../attendance/api.js';
import { readDirectory } from '../org/api.js';
import { waitingSince, waitStart } from './waiting.js';

type State = Pick<ApprovalRequestDoc, 'status' | 'stepIndex' | 'waitingFor' | 'history' | 'createdAt'> & {
  steps: { limits?: StepLimits | null }[];
};

/** Employee.timezone's own default, for someone no longer in the directory. */
const DEFAULT_ZONE = 'Asia/Shanghai';

/**
 * When the current step runs out of time: `escalateAfterHours` working hours after its wait began,
 * counted in each waiting approver's own schedule and zone; the step is late once the last of them
 * has had that long (nobody is gone over before their own hours are up). None when the step has
 * no escalation, and none for a wait that began with an escalation: the manager who took over is
 * reminded, not escalated over in turn.
 */
export async function deadlineOf(doc: State): Promise<Deadline | null> {
  const limits = doc.steps[doc.stepIndex]?.limits;
  if (doc.status !== 'pending' || !limits?.escalate || !limits.escalateAfterHours) return null;
  if (waitStart(doc.history, doc.stepIndex)?.action === 'escalated' || doc.waitingFor.length === 0)
    return null;
  const since = waitingSince(doc);
  const [org, scheduleOf] = await Promise.all([readDirectory(), loadSchedules()]);
  const ends = doc.waitingFor.map((id) => {
    const person = org.byId(id);
    const timezone = person?.timezone ?? DEFAULT_ZONE;
    const schedule = scheduleOf({ id: String(id), department: person?.department ?? '', timezone });
    return addWorkingHours(schedule, timezone, since, limits.escalateAfterHours ?? 0).getTime();
  });
  return { at: new Date(Math.max(...ends)), action: limits.escalate, step: doc.stepIndex };
}

/** The same deadline, as an instant: two plans agree on a deadline when these are equal. */
export const sameDeadline = (a: Deadline | null | undefined, b: Deadline | null | undefined) =>
  (a?.at.getTime() ?? null) === (b?.at.getTime() ?? null) && a?.step === b?.step;
