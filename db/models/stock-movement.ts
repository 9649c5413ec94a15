import mongoose, { type InferSchemaType, Schema } from 'mongoose';

export const MOVEMENT_KINDS = [
  'in',
  'out',
  'count',
  'reserve',
  'release',
  'ship',
  'receive',
  'sample',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/**
 * The append-only stock ledger. `_id` is the level revision it produced (`<levelId>:v<n>`, the
 * level's `_id` being `<productId>:<warehouseId>`), so a level and its ledger cannot disagree
 * about which change made which version: the sum of `qty` over a level's rows is its `onHand`,
 * the sum of `reservedDelta` its `reserved`.
 */
const stockMovementSchema = new Schema(
  {
    _id: { type: String, required: true },
    levelId: { type: String, required: true },
    productId: { type: Schema.Types.ObjectId, required: true },
    warehouseId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: MOVEMENT_KINDS, required: true },
    qty: { type: Number, required: true },
    reservedDelta: { type: Number, default: 0 },
    onHandAfter: { type: Number, required: true },
    reservedAfter: { type: Number, required: true },
    by: { type: Schema.Types.ObjectId, default: null },
    at: { type: Date, required: true },
    note: { type: String, default: '' },
    ref: { type: String, default: '' },
    /** Who the stock went to, for a sample (kind `sample`, ref SMP-…): a CRM customer. */
    customerId: { type: Schema.Types.ObjectId, default: null },
  },
  { versionKey: false },
);
stockMovementSchema.index({ levelId: 1, at: 1 });
stockMovementSchema.index({ productId: 1, at: -1 });
stockMovementSchema.index({ ref: 1 });
// the ledger export, by date range
stockMovementSchema.index({ at: 1 });

export type StockMovementDoc = InferSchemaType<typeof stockMovementSchema>;
export const StockMovement = mongoose.model('StockMovement', stockMovementSchema);
