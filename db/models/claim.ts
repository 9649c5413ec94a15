import mongoose, { Schema } from 'mongoose';

/**
 * One-time claims keyed by a unique _id ("approval:<id>:v7", "approval-no:1042"). An insert with a
 * unique key is the one write the embedded store (FerretDB 1.x on SQLite) makes atomic: its
 * conditional updates read and write separately, so two "guarded" updates can both succeed.
 */
const claimSchema = new Schema({
  _id: { type: String, required: true },
  at: { type: Date, required: true, index: true },
});

export const Claim = mongoose.model('Claim', claimSchema);
