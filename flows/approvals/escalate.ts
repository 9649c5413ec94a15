import type mongoose from 'mongoose';
import type { ApprovalRequestDoc, ApproverSlot, Deadline } from '../../db/models/approval-request.js';
import { sameDeadline } from './deadline.js';
import { type Change, copySteps, pendingIn, type Refusal } from './workflow.js';

/**
 * What a step's deadline does, pure like workflow.ts, and applied through the same
 * `changeRequest` as a click: of the system and an approver acting at the same moment, one
 * wins the version and the other is refused. The history records the system (`by: null`).
 */

type Id = mongoose.Types.ObjectId;

const bySystem = (action: string, step: number, at: Date) => ({ at, by: null, action, step, comment: '' });

/**
 * Applies `planned` (the deadline the job read) if it is still the request's deadline and due:
 * a request decided, moved on or escalated since has another deadline, or none.
 * `managerOf` gives someone's active manager (null: none).
 */
export function escalate(
  doc: ApprovalRequestDoc,
  planned: Deadline,
  managerOf: (id: Id) => Id | null,
  at: Date,
): Change | Refusal {
  if (doc.status !== 'pending') return 'closed';
  if (!sameDeadline(doc.deadline, planned) || at < planned.at) return 'not_due';
  if (planned.action === 'send-back')
    return {
      set: { status: 'returned', waitingFor: [], question: null },
      history: bySystem('system-sent-back', doc.stepIndex, at),
      event: 'sent-back',
    };
  if (planned.action === 'approve') return approveStep(doc, at);
  return toManagers(doc, managerOf, at);
}

/** The system approves the current step; its approvers' own slots stay undecided (they did not act). */
function approveStep(doc: ApprovalRequestDoc, at: Date): Change {
  const history = bySystem('system-approved', doc.stepIndex, at);
  const next = doc.stepIndex + 1;
  if (next < doc.steps.length)
    return {
      set: { stepIndex: next, waitingFor: pendingIn(doc.steps[next]), question: null },
      history,
      event: 'advanced',
    };
  return { set: { status: 'approved', waitingFor: [], question: null }, history, event: 'approved' };
}

/**
 * Each late approver's place goes to their manager, who decides for them (like a hand-over):
 * a manager already waiting on the step keeps one place, which then counts for both. A late
 * approver with no manager (or whose manager filed the request) keeps their place.
 */
function toManagers(doc: ApprovalRequestDoc, managerOf: (id: Id) => Id | null, at: Date): Change | Refusal {
  const steps = copySteps(doc.steps);
  const step = steps[doc.stepIndex];
  if (!step) return 'closed';
  const waiting = (id: Id) => doc.waitingFor.some((w) => w.equals(id));
  const late = step.approvers.filter((a) => !a.decision && waiting(a.employeeId));
  let moved = 0;
  const approvers: ApproverSlot[] = [];
  for (const slot of step.approvers) {
    const manager = late.includes(slot) ? managerOf(slot.employeeId) : null;
    if (!manager || manager.equals(doc.requesterId)) {
      approvers.push(slot);
      continue;
    }
    moved++;
    if (approvers.some((a) => a.employeeId.equals(manager) && !a.decision)) continue;
    approvers.push({ ...slot, employeeId: manager, standsInFor: slot.employeeId, reason: 'escalated' });
  }
  if (moved === 0) return 'no_manager';
  step.approvers = approvers;
  return {
    set: { steps, waitingFor: pendingIn(step) },
    history: bySystem('escalated', doc.stepIndex, at),
    event: 'escalated',
  };
}
