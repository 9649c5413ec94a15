import mongoose, { type InferSchemaType, Schema } from 'mongoose';
import { productLineFields } from './product-line.js';

export const PURCHASE_STATUSES = ['open', 'partial', 'received'] as const;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number];

const lineSchema = new Schema(
  {
    ...productLineFields,
    price: { type: Number, required: true },
    received: { type: Number, default: 0 },
  },
  { _id: false },
);

/**
 * A purchase order. Over the approval threshold it carries `approvalNo`, the approval request
 * that must be approved before anything is received (read at receipt time, so the approvals flow
 * needs no hook back into this one).
 */
const purchaseOrderSchema = new Schema(
  {
    no: { type: String, required: true, unique: true },
    supplierName: { type: String, required: true },
    requesterId: { type: Schema.Types.ObjectId, required: true },
    warehouseId: { type: Schema.Types.ObjectId, required: true },
    lines: [lineSchema],
    amount: { type: Number, required: true },
    note: { type: String, default: '' },
    approvalNo: { type: String, default: '' },
    status: { type: String, enum: PURCHASE_STATUSES, default: 'open' },
    version: { type: Number, default: 0 },
  },
  { timestamps: true },
);
purchaseOrderSchema.index({ requesterId: 1, createdAt: -1 });
purchaseOrderSchema.index({ status: 1, createdAt: 1 });

type Id = mongoose.Types.ObjectId;
export type PurchaseLine = {
  productId: Id;
  sku: string;
  name: string;
  nameEn: string;
  qty: number;
  price: number;
  received: number;
};
export type PurchaseOrderDoc = Omit<InferSchemaType<typeof purchaseOrderSchema>, 'lines'> & {
  _id: Id;
  status: PurchaseStatus;
  lines: PurchaseLine[];
  createdAt: Date;
};
export const PurchaseOrder = mongoose.model('PurchaseOrder', purchaseOrderSchema);
