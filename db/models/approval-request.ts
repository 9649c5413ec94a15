import mongoose, { type InferSchemaType, Schema } from 'mongoose';

export const APPROVAL_TYPES = [
  'leave',
  'expense',
  'trip',
  'transfer',
  'onboarding',
  'makeup',
  'general',
] as const;
export type ApprovalType = (typeof APPROVAL_TYPES)[number];
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

const approverSchema = new Schema(
  {
    employeeId: { type: Schema.Types.ObjectId, required: true },
    /** Set when this approver stands in for someone (on leave, or the request's own author). */
    standsInFor: { type: Schema.Types.ObjectId, default: null },
    reason: { type: String, enum: ['on-leave', 'self', 'transferred', null], default: null },
    decision: { type: String, enum: ['approved', 'rejected', null], default: null },
    at: { type: Date, default: null },
  },
  { _id: false },
);

/** A step's name in each language, as the policy said when the request was filed. */
const stepLabelSchema = new Schema(
  { 'zh-CN': { type: String, required: true }, en: { type: String, required: true } },
  { _id: false },
);

const stepSchema = new Schema(
  {
    name: { type: String, required: true },
    label: { type: stepLabelSchema, default: null },
    mode: { type: String, enum: ['any', 'all'], required: true },
    approvers: [approverSchema],
  },
  { _id: false },
);

const historySchema = new Schema(
  {
    at: { type: Date, required: true },
    by: { type: Schema.Types.ObjectId, default: null },
    action: { type: String, required: true },
    step: { type: Number, default: null },
    comment: { type: String, default: '' },
  },
  { _id: false },
);

/**
 * One request and its whole life. Decisions are guarded single-document updates on `version`;
 * `waitingFor` mirrors the approvers who still have to act on the current step, so "pending for
 * me" is one indexed query.
 */
const approvalRequestSchema = new Schema(
  {
    no: { type: String, required: true, unique: true },
    type: { type: String, enum: APPROVAL_TYPES, required: true },
    requesterId: { type: Schema.Types.ObjectId, required: true },
    department: { type: String, default: '' },
    data: { type: Schema.Types.Mixed, required: true },
    status: { type: String, enum: APPROVAL_STATUSES, default: 'pending' },
    steps: [stepSchema],
    stepIndex: { type: Number, default: 0 },
    waitingFor: { type: [Schema.Types.ObjectId], default: [] },
    cc: { type: [Schema.Types.ObjectId], default: [] },
    history: [historySchema],
    lastUrgedAt: { type: Date, default: null },
    version: { type: Number, default: 0 },
  },
  { timestamps: true, minimize: false },
);
approvalRequestSchema.index({ requesterId: 1, createdAt: -1 });
// the digest: requests that changed since the requester's last digest
approvalRequestSchema.index({ requesterId: 1, updatedAt: -1 });
approvalRequestSchema.index({ waitingFor: 1, status: 1, createdAt: 1 });
approvalRequestSchema.index({ status: 1, updatedAt: 1 });

type Id = mongoose.Types.ObjectId;
export type ApproverSlot = {
  employeeId: Id;
  standsInFor: Id | null;
  reason: 'on-leave' | 'self' | 'transferred' | null;
  decision: 'approved' | 'rejected' | null;
  at: Date | null;
};
export type StepLabel = { 'zh-CN': string; en: string };
export type ApprovalStep = {
  name: string;
  /** Requests filed before steps kept their label have none. */
  label?: StepLabel | null;
  mode: 'any' | 'all';
  approvers: ApproverSlot[];
};
export type HistoryEntry = { at: Date; by: Id | null; action: string; step: number | null; comment: string };

/** A request as read with lean(): plain values, no mongoose document machinery. */
export type ApprovalRequestDoc = Omit<InferSchemaType<typeof approvalRequestSchema>, 'steps' | 'history'> & {
  _id: Id;
  type: ApprovalType;
  status: ApprovalStatus;
  data: Record<string, unknown>;
  steps: ApprovalStep[];
  history: HistoryEntry[];
  waitingFor: Id[];
  cc: Id[];
  createdAt: Date;
  updatedAt: Date;
};

export const ApprovalRequest = mongoose.model('ApprovalRequest', approvalRequestSchema);
