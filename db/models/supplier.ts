import mongoose, { Schema } from 'mongoose';

/**
 * Suppliers purchased from, keyed by their folded name (`_id`: the name key, a point lookup), so
 * a purchase for a name nobody has bought from before is confirmed instead of filed blind.
 */
const supplierSchema = new Schema({
  _id: { type: String, required: true },
  name: { type: String, required: true },
  firstAt: { type: Date, required: true },
});

export const Supplier = mongoose.model('Supplier', supplierSchema);
