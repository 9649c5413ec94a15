import mongoose, { type InferSchemaType, Schema } from 'mongoose';

export const APPROVAL_TYPES = [
  'leave',
  'expense',
  'trip',
  'transfer',
  'onboarding',
  'makeup',
  'general',
  'contract',
] as const;
export type ApprovalType = (typeof APPROVAL_TYPES)[number];
/** `returned`: sent back to the requester (退回), who edits and resubmits the same request. */
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'returned'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

const approverSchema = new Schema(
  {
    employeeId: { type: Schema.Types.ObjectId, required: true },
    /** Set when this approver stands in for someone (on leave, or the request's own author). */
    standsInFor: { type: Schema.Types.ObjectId, default: null },
    reason: { type: String, enum: ['on-leave', 'self', 'transferred', 'escalated', null], default: null },
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

/** A step's time limits as the policy said at filing (flows/approvals/policy.ts `stepLimits`). */
const stepLimitsSchema = new Schema(
  {
    remindAfterHours: { type: Number },
    escalateAfterHours: { type: Number },
    escalate: { type: String, enum: ['manager', 'approve', 'send-back'] },
  },
  { _id: false },
);

const stepSchema = new Schema(
  {
    name: { type: String, required: true },
    label: { type: stepLabelSchema, default: null },
    limits: { type: stepLimitsSchema, default: null },
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

/** Where a card about the request was sent, so every copy can be updated after a decision. */
const cardSchema = new Schema(
  {
    employeeId: { type: Schema.Types.ObjectId, required: true },
    platform: { type: String, required: true },
    channelId: { type: String, required: true },
    messageId: { type: String, required: true },
  },
  { _id: false },
);

/** An approver's open question to the requester ("need more info"); the answer clears it. */
const questionSchema = new Schema(
  {
    by: { type: Schema.Types.ObjectId, required: true },
    text: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

/** A file or link on the request (flows/approvals/attachments.ts bounds them); only the reference is kept. */
const attachmentSchema = new Schema(
  {
    name: { type: String, required: true },
    url: { type: String, default: null },
    platform: { type: String, enum: ['web', 'slack', 'lark', 'link'], required: true },
    fileId: { type: String, default: null },
  },
  { _id: false },
);

const deadlineSchema = new Schema(
  {
    at: { type: Date, required: true },
    action: { type: String, enum: ['manager', 'approve', 'send-back'], required: true },
    step: { type: Number, required: true },
  },
  { _id: false },
);

/**
 * One request and its whole life, keyed by its number (`AP-1042`): showing or deciding one is a
 * point read however many requests there are. Every change moves `version` under a claim
 * (db/versioned.ts) — decisions, and recording where its cards went (`cards`, kept here so
 * updating every copy needs no query). `waitingFor` mirrors the approvers who still have to act
 * on the current step; "pending for me" and "my requests" read small per-person lists
 * (flows/approvals/lists.ts) kept in step with it. (Requests filed before the number became the
 * key lived in `approvalrequests`, their cards in `approvalcards`; flows/approvals/migrations.ts
 * moves them here.)
 */
const approvalRequestSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** The same as `_id`, for readers that look a request up by number. */
    no: { type: String, required: true, unique: true },
    /** A built-in type (APPROVAL_TYPES) or an admin-defined one's key, checked when it was uploaded. */
    type: { type: String, required: true },
    /** The admin-defined type's version it was filed with (its form and route); null for built-ins. */
    typeVersion: { type: Number, default: null },
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
    question: { type: questionSchema, default: null },
    cards: { type: [cardSchema], default: [] },
    /**
     * When the current step runs out of time and what happens then (flows/approvals/deadline.ts),
     * kept on every change so cards and the escalation job read it without schedule maths.
     */
    deadline: { type: deadlineSchema, default: null },
    attachments: { type: [attachmentSchema], default: [] },
    version: { type: Number, default: 0 },
  },
  { timestamps: true, minimize: false, collection: 'approvals' },
);
// the digest: requests that changed since the requester's last digest
approvalRequestSchema.index({ requesterId: 1, updatedAt: -1 });
// the digest: what waits for each approver; the lists' rebuild
approvalRequestSchema.index({ waitingFor: 1, status: 1, createdAt: 1 });
// a custom type's report: its requests filed in a range
approvalRequestSchema.index({ type: 1, createdAt: 1 });
// the reminders job: pending requests
approvalRequestSchema.index({ status: 1, updatedAt: 1 });

type Id = mongoose.Types.ObjectId;
export type ApproverSlot = {
  employeeId: Id;
  standsInFor: Id | null;
  reason: 'on-leave' | 'self' | 'transferred' | 'escalated' | null;
  decision: 'approved' | 'rejected' | null;
  at: Date | null;
};
export type StepLabel = { 'zh-CN': string; en: string };
export type EscalateAction = 'manager' | 'approve' | 'send-back';
export type StepLimits = {
  remindAfterHours?: number;
  escalateAfterHours?: number;
  escalate?: EscalateAction;
};
export type Deadline = { at: Date; action: EscalateAction; step: number };
export type ApprovalStep = {
  name: string;
  /** Requests filed before steps kept their label have none. */
  label?: StepLabel | null;
  /** Requests filed before steps had time limits have none. */
  limits?: StepLimits | null;
  mode: 'any' | 'all';
  approvers: ApproverSlot[];
};
export type HistoryEntry = { at: Date; by: Id | null; action: string; step: number | null; comment: string };
export type OpenQuestion = { by: Id; text: string; at: Date };
export type AttachmentRef = {
  name: string;
  url?: string | null;
  platform: 'web' | 'slack' | 'lark' | 'link';
  fileId?: string | null;
};
export type CardCopy = { employeeId: Id; platform: string; channelId: string; messageId: string };

/** A request as read with lean(): plain values, no mongoose document machinery. */
export type ApprovalRequestDoc = Omit<
  InferSchemaType<typeof approvalRequestSchema>,
  'steps' | 'history' | 'cards' | 'question' | 'deadline' | 'attachments'
> & {
  _id: string;
  type: string;
  status: ApprovalStatus;
  data: Record<string, unknown>;
  steps: ApprovalStep[];
  history: HistoryEntry[];
  waitingFor: Id[];
  cc: Id[];
  cards: CardCopy[];
  /** Requests filed before questions existed have none. */
  question?: OpenQuestion | null;
  /** None when the current step has no escalation (and on requests filed before deadlines). */
  deadline?: Deadline | null;
  /** Requests filed before attachments existed have none. */
  attachments?: AttachmentRef[];
  createdAt: Date;
  updatedAt: Date;
};

export const ApprovalRequest = mongoose.model('ApprovalRequest', approvalRequestSchema);
