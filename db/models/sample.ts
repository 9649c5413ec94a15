import mongoose, { Schema } from 'mongoose';
import { type ProductLine, productLineFields } from './product-line.js';

export const SAMPLE_STATUSES = ['sent', 'awaiting', 'rejected'] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];

/**
 * Goods given to a customer free of charge (样品赠送), found by its number (`SMP-1001`) through a
 * pointer like an order (flows/orders/keys.ts). Sent at once, or — worth more than the policy line — `awaiting` an
 * approval with its stock reserved, then sent or released when asked again after the decision.
 * `value` is what the goods are worth at the list price, in minor units of `currency`.
 */
const sampleSchema = new Schema(
  {
    no: { type: String, required: true, unique: true },
    customerId: { type: Schema.Types.ObjectId, required: true },
    customerName: { type: String, required: true },
    ...productLineFields,
    warehouseId: { type: Schema.Types.ObjectId, required: true },
    price: { type: Number, default: 0 },
    currency: { type: String, required: true },
    value: { type: Number, required: true },
    note: { type: String, default: '' },
    byId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: SAMPLE_STATUSES, required: true },
    approvalNo: { type: String, default: '' },
    at: { type: Date, required: true },
    sentAt: { type: Date, default: null },
    version: { type: Number, default: 0 },
  },
  { versionKey: false },
);

type Id = mongoose.Types.ObjectId;
export type SampleDoc = ProductLine & {
  _id: Id;
  no: string;
  customerId: Id;
  customerName: string;
  warehouseId: Id;
  price: number;
  currency: string;
  value: number;
  note: string;
  byId: Id;
  status: SampleStatus;
  approvalNo: string;
  at: Date;
  sentAt: Date | null;
  version: number;
};
export const Sample = mongoose.model('Sample', sampleSchema);
