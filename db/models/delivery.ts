import mongoose, { type InferSchemaType, Schema } from 'mongoose';

export const DELIVERY_KINDS = ['digest', 'reminder'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];
export const DELIVERY_STATUSES = ['sent', 'waiting', 'empty', 'undeliverable', 'expired'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One proactive message, keyed by what it is about: `digest:<employee>:<local date>`,
 * `checkin:<employee>:<local date>`, `approval-waiting:<employee>:<no>:…`. The key is the `_id`, so
 * the insert that records a delivery is also the lock that makes it happen once: agenda's own job
 * locks do not hold on the embedded store, two instances may run the same job at once.
 * A reminder held back by quiet hours waits here with its message (JSON text: cards hold nested
 * arrays, which the embedded store cannot keep as values) until `sendAt`.
 */
const deliverySchema = new Schema({
  _id: { type: String, required: true },
  employeeId: { type: Schema.Types.ObjectId, required: true },
  kind: { type: String, enum: DELIVERY_KINDS, required: true },
  status: { type: String, enum: DELIVERY_STATUSES, required: true },
  at: { type: Date, required: true },
  sendAt: { type: Date, default: null },
  /** A waiting reminder that no longer makes sense after this (a check-in nudge after work). */
  expiresAt: { type: Date, default: null },
  reply: { type: String, default: null },
});
// waiting reminders due now
deliverySchema.index({ status: 1, sendAt: 1 });
// a person's last digest (what changed since), pruning old rows
deliverySchema.index({ kind: 1, at: 1 });

export type DeliveryDoc = InferSchemaType<typeof deliverySchema>;
export const Delivery = mongoose.model('Delivery', deliverySchema);
