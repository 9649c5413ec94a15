import mongoose, { Schema } from 'mongoose';

/**
 * The company's leave-balance policy as HR set it through the admin API: one document
 * (`_id: 'leave-policy'`), read by `_id`. The flow validates `policy`; none stored = the default.
 */
const leavePolicySchema = new Schema(
  {
    _id: { type: String },
    policy: { type: Schema.Types.Mixed, required: true },
    updatedAt: { type: Date, default: null },
  },
  { collection: 'leavepolicies' },
);

export const LEAVE_POLICY_ID = 'leave-policy';
export type LeavePolicyDoc = { _id: string; policy: unknown; updatedAt: Date | null };
export const LeavePolicyModel = mongoose.model('LeavePolicy', leavePolicySchema);
