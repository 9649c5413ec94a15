import type mongoose from 'mongoose';
import type { ApprovalRequestDoc } from '../../db/models/approval-request.js';

/**
 * Pure state changes of a request. Each returns the fields to write (guarded on `version` by
 * the service) or why it refuses; nothing here touches the database.
 */

type Id = mongoose.Types.ObjectId;
type Step = ApprovalRequestDoc['steps'][number];
type Entry = ApprovalRequestDoc['history'][number];

export type Change = {
  set: Partial<Pick<ApprovalRequestDoc, 'status' | 'steps' | 'stepIndex' | 'waitingFor' | 'lastUrgedAt'>>;
  history: Entry;
  /** What happened, for the messages that follow. */
  event:
    | 'recorded'
    | 'advanced'
    | 'approved'
    | 'rejected'
    | 'withdrawn'
    | 'transferred'
    | 'urged'
    | 'commented';
};
export type Refusal = 'closed' | 'not_approver' | 'not_requester' | 'too_soon' | 'not_visible';

const entry = (by: Id, action: string, step: number, comment: string, at: Date): Entry => ({
  at,
  by,
  action,
  step,
  comment,
});

function pendingIn(step: Step | undefined): Id[] {
  return (step?.approvers ?? []).filter((a) => !a.decision).map((a) => a.employeeId);
}

export function decide(
  doc: ApprovalRequestDoc,
  by: Id,
  decision: 'approved' | 'rejected',
  comment: string,
  at: Date,
): Change | Refusal {
  if (doc.status !== 'pending') return 'closed';
  if (!doc.waitingFor.some((id) => id.equals(by))) return 'not_approver';
  const steps = doc.steps.map((s) => ({ ...s, approvers: s.approvers.map((a) => ({ ...a })) }));
  const step = steps[doc.stepIndex] as Step;
  const mine = step.approvers.find((a) => a.employeeId.equals(by) && !a.decision);
  if (!mine) return 'not_approver';
  mine.decision = decision;
  mine.at = at;
  const history = entry(by, decision, doc.stepIndex, comment, at);

  if (decision === 'rejected')
    return { set: { steps, status: 'rejected', waitingFor: [] }, history, event: 'rejected' };
  const stillWaiting = step.mode === 'all' ? pendingIn(step) : [];
  if (stillWaiting.length > 0)
    return { set: { steps, waitingFor: stillWaiting }, history, event: 'recorded' };
  const next = doc.stepIndex + 1;
  if (next < steps.length) {
    return {
      set: { steps, stepIndex: next, waitingFor: pendingIn(steps[next]) },
      history,
      event: 'advanced',
    };
  }
  return { set: { steps, status: 'approved', waitingFor: [] }, history, event: 'approved' };
}

export function withdraw(doc: ApprovalRequestDoc, by: Id, at: Date): Change | Refusal {
  if (!doc.requesterId.equals(by)) return 'not_requester';
  if (doc.status !== 'pending') return 'closed';
  return {
    set: { status: 'withdrawn', waitingFor: [] },
    history: entry(by, 'withdrawn', doc.stepIndex, '', at),
    event: 'withdrawn',
  };
}

/** 转交: a current approver hands their place in the step to someone else. */
export function transfer(
  doc: ApprovalRequestDoc,
  by: Id,
  to: Id,
  comment: string,
  at: Date,
): Change | Refusal {
  if (doc.status !== 'pending') return 'closed';
  if (!doc.waitingFor.some((id) => id.equals(by))) return 'not_approver';
  if (to.equals(doc.requesterId)) return 'not_approver';
  const steps = doc.steps.map((s, i) =>
    i !== doc.stepIndex
      ? s
      : {
          ...s,
          approvers: s.approvers.map((a) =>
            a.employeeId.equals(by) && !a.decision
              ? { ...a, employeeId: to, standsInFor: by, reason: 'transferred' as const }
              : a,
          ),
        },
  );
  const waitingFor = doc.waitingFor.map((id) => (id.equals(by) ? to : id));
  return {
    set: { steps, waitingFor },
    history: entry(by, 'transferred', doc.stepIndex, comment, at),
    event: 'transferred',
  };
}

export const URGE_EVERY_MS = 60 * 60 * 1000;

export function urge(doc: ApprovalRequestDoc, by: Id, at: Date): Change | Refusal {
  if (!doc.requesterId.equals(by)) return 'not_requester';
  if (doc.status !== 'pending') return 'closed';
  if (doc.lastUrgedAt && at.getTime() - doc.lastUrgedAt.getTime() < URGE_EVERY_MS) return 'too_soon';
  return { set: { lastUrgedAt: at }, history: entry(by, 'urged', doc.stepIndex, '', at), event: 'urged' };
}

/** Anyone who can see the request may comment; it goes into the history. */
export function comment(doc: ApprovalRequestDoc, by: Id, text: string, at: Date): Change | Refusal {
  return { set: {}, history: entry(by, 'commented', doc.stepIndex, text, at), event: 'commented' };
}
