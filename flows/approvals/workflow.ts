import type mongoose from 'mongoose';
import type { ApprovalRequestDoc, AttachmentRef } from '../../db/models/approval-request.js';
import { MAX_ATTACHMENTS } from './attachments.js';

/**
 * Pure state changes of a request. Each returns the fields to write (guarded on `version` by
 * the service) or why it refuses; nothing here touches the database.
 */

type Id = mongoose.Types.ObjectId;
type Step = ApprovalRequestDoc['steps'][number];
type Entry = ApprovalRequestDoc['history'][number];

export type Change = {
  set: Partial<
    Pick<
      ApprovalRequestDoc,
      'status' | 'steps' | 'stepIndex' | 'waitingFor' | 'lastUrgedAt' | 'data' | 'question' | 'attachments'
    >
  >;
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
    | 'commented'
    | 'sent-back'
    | 'resubmitted'
    | 'signer-added'
    | 'asked'
    | 'answered'
    | 'escalated'
    | 'attached';
};
export type Refusal =
  | 'closed'
  | 'not_approver'
  | 'not_requester'
  | 'too_soon'
  | 'not_visible'
  | 'not_returned'
  | 'no_such_step'
  | 'bad_signer'
  | 'no_question'
  | 'not_due'
  | 'no_manager'
  | 'too_many';

export const entry = (by: Id, action: string, step: number, comment: string, at: Date): Entry => ({
  at,
  by,
  action,
  step,
  comment,
});

export function pendingIn(step: Step | undefined): Id[] {
  return (step?.approvers ?? []).filter((a) => !a.decision).map((a) => a.employeeId);
}

/** A copy of the steps the caller may change, leaving the document as read untouched. */
export const copySteps = (steps: Step[]): Step[] =>
  steps.map((s) => ({ ...s, approvers: s.approvers.map((a) => ({ ...a })) }));

export const isCurrentApprover = (doc: ApprovalRequestDoc, by: Id) =>
  doc.status === 'pending' && doc.waitingFor.some((id) => id.equals(by));

export function decide(
  doc: ApprovalRequestDoc,
  by: Id,
  decision: 'approved' | 'rejected',
  comment: string,
  at: Date,
): Change | Refusal {
  if (doc.status !== 'pending') return 'closed';
  if (!doc.waitingFor.some((id) => id.equals(by))) return 'not_approver';
  const steps = copySteps(doc.steps);
  const step = steps[doc.stepIndex] as Step;
  const mine = step.approvers.find((a) => a.employeeId.equals(by) && !a.decision);
  if (!mine) return 'not_approver';
  mine.decision = decision;
  mine.at = at;
  const history = entry(by, decision, doc.stepIndex, comment, at);

  if (decision === 'rejected')
    return { set: { steps, status: 'rejected', waitingFor: [], question: null }, history, event: 'rejected' };
  const stillWaiting = step.mode === 'all' ? pendingIn(step) : [];
  if (stillWaiting.length > 0)
    return { set: { steps, waitingFor: stillWaiting }, history, event: 'recorded' };
  const next = doc.stepIndex + 1;
  if (next < steps.length) {
    return {
      set: { steps, stepIndex: next, waitingFor: pendingIn(steps[next]), question: null },
      history,
      event: 'advanced',
    };
  }
  return { set: { steps, status: 'approved', waitingFor: [], question: null }, history, event: 'approved' };
}

/**
 * The requester takes back a request still in the works (pending, or sent back to them), or an
 * approved one when `approvedToo` (its type allows it still: leave that has not begun).
 */
export function withdraw(doc: ApprovalRequestDoc, by: Id, at: Date, approvedToo = false): Change | Refusal {
  if (!doc.requesterId.equals(by)) return 'not_requester';
  const open = doc.status === 'pending' || doc.status === 'returned';
  if (!open && !(approvedToo && doc.status === 'approved')) return 'closed';
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

/** The requester adds files or links while the request can still change (pending, or sent back). */
export function attach(doc: ApprovalRequestDoc, by: Id, more: AttachmentRef[], at: Date): Change | Refusal {
  if (!doc.requesterId.equals(by)) return 'not_requester';
  if (doc.status !== 'pending' && doc.status !== 'returned') return 'closed';
  const attachments = [...(doc.attachments ?? []), ...more];
  if (attachments.length > MAX_ATTACHMENTS) return 'too_many';
  const names = more.map((a) => a.name).join(', ');
  return {
    set: { attachments },
    history: entry(by, 'attached', doc.stepIndex, names, at),
    event: 'attached',
  };
}
