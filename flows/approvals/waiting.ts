import type { ApprovalRequestDoc, HistoryEntry } from '../../db/models/approval-request.js';

/** Entries at a step that start a new wait there: someone else now has to act on it. */
const RESTARTS = new Set([
  'transferred',
  'escalated',
  'sent-back-step',
  'signer-added-before',
  'resubmitted',
]);

/**
 * The history entry from which step `step` has been waiting, among `history` (a request's whole
 * history, or the part before some decision): the request was filed or resubmitted, an earlier
 * step finished, or the step's approvers changed (handed over, escalated, sent back to it).
 */
export function waitStart(history: HistoryEntry[], step: number): HistoryEntry | undefined {
  let start: HistoryEntry | undefined;
  for (const h of history) {
    const begins =
      h.action === 'submitted' ||
      (h.step !== null && h.step < step) ||
      (h.step === step && RESTARTS.has(h.action));
    if (begins && (!start || h.at >= start.at)) start = h;
  }
  return start;
}

/** When the current approvers started waiting, never before the request was filed. */
export function waitingSince(doc: Pick<ApprovalRequestDoc, 'history' | 'stepIndex' | 'createdAt'>): Date {
  const start = waitStart(doc.history, doc.stepIndex);
  return new Date(Math.max(doc.createdAt.getTime(), start?.at.getTime() ?? 0));
}
