import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/** A warehouse; the one with the lowest `order` is the default when none is written. */
const warehouseSchema = new Schema(
  {
    code: { type: String, required: true, unique: true, uppercase: true, trim: true },
    name: { type: String, required: true, unique: true, trim: true },
    nameEn: { type: String, default: '', trim: true },
    order: { type: Number, default: 0, index: true },
  },
  { timestamps: true },
);

export type WarehouseDoc = InferSchemaType<typeof warehouseSchema> & { _id: mongoose.Types.ObjectId };
export const Warehouse = mongoose.model('Warehouse', warehouseSchema);
