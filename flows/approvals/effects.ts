import type { ApprovalRequestDoc } from '../../db/models/approval-request.js';
import { requestType } from './requests/index.js';

/**
 * What a final approval does beyond the request itself: whatever its type declares
 * (`RequestType.onApproved`). The hooks write at the decision's own time (changes stamp
 * `updatedAt` from the injected clock).
 */
export async function applyApproval(doc: ApprovalRequestDoc, today: string): Promise<void> {
  await requestType(doc.type, doc.typeVersion).onApproved?.({
    no: doc.no,
    requesterId: String(doc.requesterId),
    data: doc.data,
    at: doc.updatedAt,
    today,
  });
}
