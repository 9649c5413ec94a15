import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/**
 * Stock of one product in one warehouse. Only ever changed from `version` v to v+1 by the caller
 * that claimed `stock:<id>:v<v+1>` (see flows/stock/levels.ts); available = onHand − reserved.
 */
const stockLevelSchema = new Schema(
  {
    productId: { type: Schema.Types.ObjectId, required: true },
    warehouseId: { type: Schema.Types.ObjectId, required: true },
    onHand: { type: Number, default: 0 },
    reserved: { type: Number, default: 0 },
    version: { type: Number, default: 0 },
  },
  { timestamps: true },
);
stockLevelSchema.index({ productId: 1, warehouseId: 1 }, { unique: true });
stockLevelSchema.index({ warehouseId: 1 });

export type StockLevelDoc = InferSchemaType<typeof stockLevelSchema> & { _id: mongoose.Types.ObjectId };
export const StockLevel = mongoose.model('StockLevel', stockLevelSchema);
