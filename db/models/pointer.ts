import mongoose, { Schema } from 'mongoose';

/**
 * A secondary key made a primary one: `_id` is the key (`customer-name:acme corp`,
 * `order-no:SO-1042`), `ref` the `_id` of the document it names. On the embedded store only a
 * filter that is `{ _id }` alone uses an index, so a lookup by name or number reads this small
 * document and then its target by `_id` — two point reads however large the collection.
 */
const pointerSchema = new Schema(
  {
    _id: { type: String, required: true },
    ref: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export type PointerDoc = { _id: string; ref: mongoose.Types.ObjectId; at: Date };
export const Pointer = mongoose.model('Pointer', pointerSchema);
