import mongoose, { Schema } from 'mongoose';

/**
 * What one person holds, kept as a single small document so "my customers" or "my orders" is one
 * point read: `_id` is `<list>:<personId>` (`customers:…`, `open-orders:…`), `ids` the `_id`s of
 * what is on it. Changed only under the person's list lock (db/owner-lists.ts): the embedded store
 * would otherwise lose one of two concurrent `$addToSet`s on the same document.
 */
const ownerListSchema = new Schema(
  {
    _id: { type: String, required: true },
    ids: { type: [Schema.Types.ObjectId], default: [] },
  },
  { versionKey: false },
);

export const OwnerList = mongoose.model('OwnerList', ownerListSchema);
