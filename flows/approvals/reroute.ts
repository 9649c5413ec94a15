import type mongoose from 'mongoose';
import type { ApprovalRequestDoc, ApprovalStep } from '../../db/models/approval-request.js';
import { type Change, copySteps, entry, isCurrentApprover, pendingIn, type Refusal } from './workflow.js';

/**
 * Changes of a request's route, pure like workflow.ts: 退回 (send back), resubmit, 加签 (add a
 * signer). Only the current step's approvers send back or add a signer; only the requester
 * resubmits.
 */

type Id = mongoose.Types.ObjectId;

const refuseUnlessApprover = (doc: ApprovalRequestDoc, by: Id): Refusal | null =>
  doc.status !== 'pending' ? 'closed' : isCurrentApprover(doc, by) ? null : 'not_approver';

/**
 * 退回: to the requester (`toStep` null; the request waits for them to edit and resubmit) or to an
 * earlier step (`toStep`, 0-based), whose approvers decide again; decisions from that step on
 * are cleared.
 */
export function sendBack(
  doc: ApprovalRequestDoc,
  by: Id,
  toStep: number | null,
  reason: string,
  at: Date,
): Change | Refusal {
  const refused = refuseUnlessApprover(doc, by);
  if (refused) return refused;
  if (toStep === null) {
    return {
      set: { status: 'returned', waitingFor: [], question: null },
      history: entry(by, 'sent-back', doc.stepIndex, reason, at),
      event: 'sent-back',
    };
  }
  if (!Number.isInteger(toStep) || toStep < 0 || toStep >= doc.stepIndex) return 'no_such_step';
  const steps = copySteps(doc.steps).map((s, i) =>
    i < toStep || i > doc.stepIndex ? s : { ...s, approvers: s.approvers.map(undecided) },
  );
  return {
    set: { steps, stepIndex: toStep, waitingFor: pendingIn(steps[toStep]), question: null },
    history: entry(by, 'sent-back-step', toStep, reason, at),
    event: 'sent-back',
  };
}

const undecided = (a: ApprovalStep['approvers'][number]) => ({ ...a, decision: null, at: null });

/** The step that sent the request back to its requester, by name (for `resubmitFrom: returned`). */
export function returnedBy(doc: ApprovalRequestDoc): string | undefined {
  const sent = doc.history.findLast((h) => h.action === 'sent-back' || h.action === 'system-sent-back');
  return sent?.step === null || sent?.step === undefined ? undefined : doc.steps[sent.step]?.name;
}

/** A resubmission as planned from the edited data: its route and the step it starts at. */
export type Resubmission = { data: Record<string, unknown>; steps: ApprovalStep[]; startAt: number };

/** Why `by` may not resubmit the request as it is now; null when they may. */
export function refuseResubmit(doc: ApprovalRequestDoc, by: Id): Refusal | null {
  if (!doc.requesterId.equals(by)) return 'not_requester';
  if (doc.status === 'pending') return 'not_returned';
  return doc.status === 'returned' ? null : 'closed';
}

/** The revision a resubmission of the request becomes: the filing is 1, each resubmission one more. */
export const nextRevision = (doc: ApprovalRequestDoc): number =>
  doc.history.filter((h) => h.action === 'resubmitted').length + 2;

/** The requester's edited request, same number, waiting again at the step the policy says. */
export function resubmit(
  doc: ApprovalRequestDoc,
  by: Id,
  plan: Resubmission,
  comment: string,
  at: Date,
): Change | Refusal {
  const refused = refuseResubmit(doc, by);
  if (refused) return refused;
  const steps = copySteps(plan.steps);
  const startAt = Math.min(plan.startAt, Math.max(steps.length - 1, 0));
  const set: Change['set'] = { data: plan.data, steps, stepIndex: startAt, question: null };
  const history = entry(by, 'resubmitted', startAt, comment, at);
  // nobody left above the requester: as at filing, approved at once
  if (steps.length === 0)
    return { set: { ...set, status: 'approved', waitingFor: [] }, history, event: 'approved' };
  return {
    set: { ...set, status: 'pending', waitingFor: pendingIn(steps[startAt]) },
    history,
    event: 'resubmitted',
  };
}

export const ADDED_STEP = { name: 'added signer', label: { 'zh-CN': '加签', en: 'added signer' } };

/**
 * 加签: `who` approves before the current step (it waits for them first, then comes back) or
 * after it (once this step is done). `note` names who was added, for the history.
 */
export function addSigner(
  doc: ApprovalRequestDoc,
  by: Id,
  who: Id,
  where: 'before' | 'after',
  note: string,
  at: Date,
): Change | Refusal {
  const refused = refuseUnlessApprover(doc, by);
  if (refused) return refused;
  const current = doc.steps[doc.stepIndex];
  if (who.equals(doc.requesterId) || current?.approvers.some((a) => a.employeeId.equals(who)))
    return 'bad_signer';
  const added: ApprovalStep = {
    ...ADDED_STEP,
    mode: 'any',
    approvers: [{ employeeId: who, standsInFor: null, reason: null, decision: null, at: null }],
  };
  const steps = copySteps(doc.steps);
  const history = entry(by, `signer-added-${where}`, doc.stepIndex, note, at);
  if (where === 'after') {
    steps.splice(doc.stepIndex + 1, 0, added);
    return { set: { steps }, history, event: 'signer-added' };
  }
  steps.splice(doc.stepIndex, 0, added);
  return { set: { steps, waitingFor: [who] }, history, event: 'signer-added' };
}
