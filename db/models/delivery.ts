import mongoose, { type InferSchemaType, Schema } from 'mongoose';

export const DELIVERY_KINDS = ['digest', 'reminder'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];
export const DELIVERY_STATUSES = ['sent', 'empty', 'muted', 'undeliverable'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One proactive message, keyed by what it is about: `digest:<employee>:<local date>`,
 * `checkin:<employee>:<local date>`, `approval-waiting:<no>:<approver>:<since>:<period>`. The key
 * is the `_id`, so the insert that records a delivery is also the lock that makes it happen once:
 * agenda's own job locks do not hold on the embedded store, two instances may run a job at once.
 */
const deliverySchema = new Schema({
  _id: { type: String, required: true },
  employeeId: { type: Schema.Types.ObjectId, required: true },
  kind: { type: String, enum: DELIVERY_KINDS, required: true },
  status: { type: String, enum: DELIVERY_STATUSES, required: true },
  at: { type: Date, required: true },
});
// a person's last digest (what changed since); pruning by kind and age
deliverySchema.index({ kind: 1, at: 1 });

export type DeliveryDoc = InferSchemaType<typeof deliverySchema>;
export const Delivery = mongoose.model('Delivery', deliverySchema);
