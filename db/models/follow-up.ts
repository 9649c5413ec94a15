import mongoose, { type InferSchemaType, Schema } from 'mongoose';

export const CHANNELS = ['call', 'visit', 'wechat', 'email', 'meeting', 'negotiation', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export const FOLLOW_UP_KINDS = ['note', 'claimed', 'released', 'returned', 'sample', 'lost'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** One logged contact with a customer; `kind` also records pool moves so the history tells all. */
const followUpSchema = new Schema({
  customerId: { type: Schema.Types.ObjectId, required: true },
  by: { type: Schema.Types.ObjectId, default: null },
  at: { type: Date, required: true },
  kind: { type: String, enum: FOLLOW_UP_KINDS, default: 'note' },
  channel: { type: String, enum: CHANNELS, default: 'other' },
  note: { type: String, default: '' },
  nextAt: { type: Date, default: null },
  stage: { type: String, default: null },
  /** A visit's check-in: where it was said to take place (the time is `at`). */
  place: { type: String, default: '' },
  /** A negotiation's outcome: the price discussed and the agreed next step, as written. */
  price: { type: String, default: '' },
  nextStep: { type: String, default: '' },
});
// a customer's latest entries; the export by date range
followUpSchema.index({ customerId: 1, at: -1 });
followUpSchema.index({ at: 1 });

export type FollowUpDoc = InferSchemaType<typeof followUpSchema> & { _id: mongoose.Types.ObjectId };
export const FollowUp = mongoose.model('FollowUp', followUpSchema);
