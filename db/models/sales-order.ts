import mongoose, { type InferSchemaType, Schema } from 'mongoose';
import { type ProductLine, productLineFields } from './product-line.js';

export const ORDER_STATUSES = [
  'placed',
  'production',
  'shipped',
  'transit',
  'delivered',
  'installed',
  'completed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const lineSchema = new Schema(
  {
    ...productLineFields,
    /** Where the line's stock is reserved and shipped from. */
    warehouseId: { type: Schema.Types.ObjectId, required: true },
    /** Per unit, at most two decimals: the catalogue's when the order was placed, or as written. */
    price: { type: Number, default: 0 },
    currency: { type: String, default: '' },
  },
  { _id: false },
);

const historySchema = new Schema(
  {
    at: { type: Date, required: true },
    by: { type: Schema.Types.ObjectId, default: null },
    action: { type: String, required: true },
    note: { type: String, default: '' },
  },
  { _id: false },
);

/**
 * A sales order for a CRM customer: `customerId` (null only on orders placed before orders knew
 * customers and left unmatched by the migration) and its name as it was when ordered. Changes
 * move `version` v → v+1 under a claim, like approval requests.
 */
const salesOrderSchema = new Schema(
  {
    no: { type: String, required: true, unique: true },
    customerId: { type: Schema.Types.ObjectId, default: null },
    customerName: { type: String, required: true },
    ownerId: { type: Schema.Types.ObjectId, required: true },
    lines: [lineSchema],
    note: { type: String, default: '' },
    status: { type: String, enum: ORDER_STATUSES, default: 'placed' },
    carrier: { type: String, default: '' },
    tracking: { type: String, default: '' },
    history: [historySchema],
    version: { type: Number, default: 0 },
  },
  { timestamps: true },
);
salesOrderSchema.index({ ownerId: 1, status: 1, createdAt: -1 });
salesOrderSchema.index({ status: 1, updatedAt: 1 });

type Id = mongoose.Types.ObjectId;
export type OrderLine = ProductLine & {
  warehouseId: Id;
  price: number;
  currency: string;
};
export type OrderHistory = { at: Date; by: Id | null; action: string; note: string };
export type SalesOrderDoc = Omit<InferSchemaType<typeof salesOrderSchema>, 'lines' | 'history'> & {
  _id: Id;
  status: OrderStatus;
  lines: OrderLine[];
  history: OrderHistory[];
  createdAt: Date;
  updatedAt: Date;
};
export const SalesOrder = mongoose.model('SalesOrder', salesOrderSchema);
