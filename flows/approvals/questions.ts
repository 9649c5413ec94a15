import type mongoose from 'mongoose';
import type { ApprovalRequestDoc } from '../../db/models/approval-request.js';
import { type Change, entry, isCurrentApprover, type Refusal } from './workflow.js';

/**
 * "Need more info": a current approver asks the requester a question; the request stays at its
 * step (the approvers keep it and may still decide) until the requester answers, which clears it.
 */

type Id = mongoose.Types.ObjectId;

export function askRequester(doc: ApprovalRequestDoc, by: Id, text: string, at: Date): Change | Refusal {
  if (doc.status !== 'pending') return 'closed';
  if (!isCurrentApprover(doc, by)) return 'not_approver';
  return {
    set: { question: { by, text, at } },
    history: entry(by, 'asked', doc.stepIndex, text, at),
    event: 'asked',
  };
}

export function answerQuestion(doc: ApprovalRequestDoc, by: Id, text: string, at: Date): Change | Refusal {
  if (!doc.requesterId.equals(by)) return 'not_requester';
  if (doc.status !== 'pending') return 'closed';
  if (!doc.question) return 'no_question';
  return {
    set: { question: null },
    history: entry(by, 'answered', doc.stepIndex, text, at),
    event: 'answered',
  };
}
