import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/**
 * A day (or half day) of approved leave, written by the approvals flow through the attendance hooks.
 * Keyed by (requestId, date) so re-applying an approval changes nothing.
 */
const leaveDaySchema = new Schema({
  employeeId: { type: Schema.Types.ObjectId, ref: 'Employee', required: true },
  date: { type: String, required: true },
  half: { type: String, enum: ['full', 'am', 'pm'], required: true },
  requestId: { type: String, required: true },
});
leaveDaySchema.index({ requestId: 1, date: 1 }, { unique: true });
leaveDaySchema.index({ employeeId: 1, date: 1 });
leaveDaySchema.index({ date: 1 });

export type LeaveDayDoc = InferSchemaType<typeof leaveDaySchema>;
export const LeaveDay = mongoose.model('LeaveDay', leaveDaySchema);
