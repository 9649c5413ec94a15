import mongoose, { type InferSchemaType, Schema } from 'mongoose';

export const CONTRACT_STATUSES = ['awaiting_approval', 'active', 'paid'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** One instalment of the payment plan; `paid` grows as payments are applied, oldest due first. */
const instalmentSchema = new Schema(
  {
    n: { type: Number, required: true },
    amount: { type: Number, required: true },
    dueDate: { type: String, required: true },
    paid: { type: Number, default: 0 },
  },
  { _id: false },
);

const paymentSchema = new Schema(
  {
    at: { type: Date, required: true },
    day: { type: String, required: true },
    amount: { type: Number, required: true },
    by: { type: Schema.Types.ObjectId, required: true },
    note: { type: String, default: '' },
  },
  { _id: false },
);

/**
 * A customer contract (客户合同). `_id` is its number (`HT-2026-0001`), so every read on a turn is
 * a point read; the owner's and the customer's contracts are lists kept on write
 * (`ContractList`). Dates are the contract's own calendar days (ISO), not instants: a due date is
 * the same day wherever its reader is. Amounts are in `currency`, two decimals.
 */
const contractSchema = new Schema(
  {
    _id: { type: String, required: true },
    customerId: { type: Schema.Types.ObjectId, required: true },
    customerName: { type: String, required: true },
    /** The sales order it was written from ('' when standalone). */
    orderNo: { type: String, default: '' },
    ownerId: { type: Schema.Types.ObjectId, required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    amount: { type: Number, required: true },
    currency: { type: String, required: true },
    startDate: { type: String, required: true },
    endDate: { type: String, required: true },
    instalments: { type: [instalmentSchema], default: [] },
    payments: { type: [paymentSchema], default: [] },
    attachment: { type: String, default: '' },
    status: { type: String, enum: CONTRACT_STATUSES, required: true },
    approvalNo: { type: String, default: '' },
    version: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
// the reminder jobs and the export read by status (a scan on the embedded store; indexed on MongoDB)
contractSchema.index({ status: 1 });

export type Instalment = { n: number; amount: number; dueDate: string; paid: number };
export type Payment = { at: Date; day: string; amount: number; by: mongoose.Types.ObjectId; note: string };
export type ContractDoc = Omit<InferSchemaType<typeof contractSchema>, 'instalments' | 'payments'> & {
  _id: string;
  status: ContractStatus;
  instalments: Instalment[];
  payments: Payment[];
};

export const Contract = mongoose.model('Contract', contractSchema);

/**
 * Contract numbers by owner (`owner:<employeeId>`) or customer (`customer:<customerId>`): "my
 * contracts" and a customer's contracts are one point read. Changed only under the list's lock
 * (db/claims.ts `withLock`): the embedded store loses one of two concurrent `$addToSet`s.
 */
const contractListSchema = new Schema(
  {
    _id: { type: String, required: true },
    nos: { type: [String], default: [] },
  },
  { versionKey: false },
);

export const ContractList = mongoose.model('ContractList', contractListSchema);
