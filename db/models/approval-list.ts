import mongoose, { Schema } from 'mongoose';

/**
 * A small per-person list of request numbers, read on every "待我审批" (`pending:<approverId>`: what
 * waits for their decision, oldest first) and "我的申请" (`mine:<requesterId>`: the latest filed).
 * Kept in step with the requests on every change, under a version claim (db/versioned.ts), so
 * twenty decisions at once leave it exact; entries are checked against the request when shown,
 * and a rebuild (flows/approvals/lists.ts) repairs what a crash between the two writes left.
 */
const itemSchema = new Schema(
  {
    no: { type: String, required: true },
    /** When the request was filed: the order lists are shown in. */
    at: { type: Date, required: true },
  },
  { _id: false },
);

const approvalListSchema = new Schema(
  {
    _id: { type: String, required: true },
    items: { type: [itemSchema], default: [] },
    version: { type: Number, default: 0 },
    updatedAt: { type: Date, default: null },
  },
  { collection: 'approvallists' },
);

export type ListItem = { no: string; at: Date };
export type ApprovalListDoc = { _id: string; items: ListItem[]; version: number; updatedAt: Date | null };
export const ApprovalList = mongoose.model('ApprovalList', approvalListSchema);
