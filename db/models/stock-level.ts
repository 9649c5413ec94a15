import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/**
 * Stock of one product in one warehouse, `_id` `<productId>:<warehouseId>`: a movement or a stock
 * query reads it by `_id`, the one lookup the embedded store serves from an index, and the key
 * itself keeps one level per pair. Only ever changed from `version` v to v+1 by the caller that
 * claimed `stock:<id>:v<v+1>` (see flows/stock/levels.ts); available = onHand − reserved.
 */
const stockLevelSchema = new Schema(
  {
    _id: { type: String, required: true },
    productId: { type: Schema.Types.ObjectId, required: true },
    warehouseId: { type: Schema.Types.ObjectId, required: true },
    onHand: { type: Number, default: 0 },
    reserved: { type: Number, default: 0 },
    version: { type: Number, default: 0 },
  },
  { timestamps: true },
);
// not the former unique { productId, warehouseId }: the key is unique, and an index of that name
// with other options would collide with the one older databases still have until they migrate
stockLevelSchema.index({ productId: 1 });
stockLevelSchema.index({ warehouseId: 1 });

type Id = mongoose.Types.ObjectId;
export type StockLevelDoc = InferSchemaType<typeof stockLevelSchema> & { _id: string };
export const levelKey = (productId: Id, warehouseId: Id) => `${productId}:${warehouseId}`;
export const StockLevel = mongoose.model('StockLevel', stockLevelSchema);
