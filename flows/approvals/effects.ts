import type { ApprovalRequestDoc } from '../../db/models/approval-request.js';
import { requestType } from './requests/index.js';

/**
 * What a final approval does beyond the request itself: whatever its type declares
 * (`RequestType.onApproved`). The hooks write at the decision's own time (changes stamp
 * `updatedAt` from the injected clock).
 */
export async function applyApproval(doc: ApprovalRequestDoc, today: string): Promise<void> {
  await requestType(doc.type, doc.typeVersion).onApproved?.(hookInput(doc, doc.updatedAt, today));
}

/** What filing does beyond the request itself (`RequestType.onFiled`), at the filing's time. */
export async function onFiled(doc: ApprovalRequestDoc, today: string): Promise<void> {
  await requestType(doc.type, doc.typeVersion).onFiled?.(hookInput(doc, doc.createdAt, today));
}

/** What resubmitting edited data does (`RequestType.onResubmitted`), at the resubmission's time. */
export async function applyResubmission(
  before: ApprovalRequestDoc,
  doc: ApprovalRequestDoc,
  today: string,
): Promise<void> {
  await requestType(doc.type, doc.typeVersion).onResubmitted?.({
    ...hookInput(doc, doc.updatedAt, today),
    before: before.data,
  });
}

/** What a rejection or withdrawal undoes (`RequestType.onClosed`), at the decision's time. */
export async function applyClosing(
  doc: ApprovalRequestDoc,
  outcome: 'rejected' | 'withdrawn',
  today: string,
  wasApproved: boolean,
): Promise<void> {
  await requestType(doc.type, doc.typeVersion).onClosed?.({
    ...hookInput(doc, doc.updatedAt, today),
    outcome,
    wasApproved,
  });
}

const hookInput = (doc: ApprovalRequestDoc, at: Date, today: string) => ({
  no: doc.no,
  requesterId: String(doc.requesterId),
  data: doc.data,
  at,
  today,
});
