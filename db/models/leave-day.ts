import mongoose, { Schema } from 'mongoose';
import { dayKey } from './attendance-day.js';

/**
 * An employee's approved leave on one date, keyed like their attendance day
 * (`<employeeId>:<date>`), so a check-in, the month view and routing ("who is away today") read it
 * by `_id`. One part per leave request (a morning from one request, an afternoon from another);
 * parts change under a version claim (db/versioned.ts), so two approvals for one day both land.
 */
const partSchema = new Schema(
  {
    requestId: { type: String, required: true },
    half: { type: String, enum: ['full', 'am', 'pm'], required: true },
  },
  { _id: false },
);

const leaveDaySchema = new Schema(
  {
    _id: {
      type: String,
      // no document to key when mongoose casts an upsert: the filter's `_id` is the key then
      default(this: { employeeId?: unknown; date?: string } | null) {
        return this ? dayKey(this.employeeId, this.date ?? '') : undefined;
      },
    },
    employeeId: { type: Schema.Types.ObjectId, ref: 'Employee', required: true },
    date: { type: String, required: true },
    parts: { type: [partSchema], default: [] },
    version: { type: Number, default: 0 },
    updatedAt: { type: Date, default: null },
  },
  { collection: 'leavedates' },
);
// the recount and (on MongoDB) reports read a date range
leaveDaySchema.index({ date: 1 });

export type LeaveDayDoc = {
  _id: string;
  employeeId: mongoose.Types.ObjectId;
  date: string;
  parts: { requestId: string; half: 'full' | 'am' | 'pm' }[];
  version: number;
  updatedAt: Date | null;
};
export const LeaveDay = mongoose.model('LeaveDay', leaveDaySchema);
