import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/**
 * A product. `lowEpoch` counts restocks above the reorder level: a low-stock alert is claimed once
 * per epoch (`lowstock:<id>:e<n>`), so the warehouse manager hears about it once, not on every
 * further movement.
 */
const productSchema = new Schema(
  {
    sku: { type: String, required: true, unique: true, trim: true, uppercase: true },
    name: { type: String, required: true, trim: true },
    nameEn: { type: String, default: '', trim: true },
    spec: { type: String, default: '' },
    unit: { type: String, default: 'pcs' },
    /** The list price per unit, at most two decimals, in `currency` ('' = the company's). */
    price: { type: Number, default: 0 },
    currency: { type: String, default: '' },
    /** Other names people use ("AP", "无线AP"), matched like the names. */
    aliases: { type: [String], default: [] },
    reorderLevel: { type: Number, default: 0, index: true },
    lowEpoch: { type: Number, default: 0 },
  },
  { timestamps: true },
);

export type ProductDoc = InferSchemaType<typeof productSchema> & { _id: mongoose.Types.ObjectId };
export const Product = mongoose.model('Product', productSchema);
