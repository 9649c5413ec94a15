import mongoose, { Schema } from 'mongoose';

/** `<employeeId>:<YYYY-MM>`: the `_id` of an employee's month rollup. */
export const monthKey = (employeeId: unknown, month: string) => `${String(employeeId)}:${month}`;

/**
 * One employee's month, kept up to date on every attendance write (check-in/out, made-up punch,
 * approved or cancelled leave, the absence job), so the month view is one point read and the
 * month report one per person. `days` holds what was stored for each date that has a record or
 * leave (the raw punches, judged again when shown); `totals` are those days judged when written,
 * with the schedule of that moment. Written under a version claim (db/versioned.ts); a full
 * recount rebuilds it from the day and leave documents (flows/attendance/rollup.ts).
 */
const entrySchema = new Schema(
  {
    date: { type: String, required: true },
    status: { type: String, enum: ['present', 'absent', 'leave', null], default: null },
    checkInAt: { type: Date, default: null },
    checkOutAt: { type: Date, default: null },
    madeUp: { type: Boolean, default: false },
    leave: { type: String, enum: ['full', 'am', 'pm', null], default: null },
  },
  { _id: false },
);

const totalsSchema = new Schema(
  {
    present: { type: Number, default: 0 },
    late: { type: Number, default: 0 },
    earlyLeave: { type: Number, default: 0 },
    absent: { type: Number, default: 0 },
    /** Workdays of approved leave in the whole month (half days 0.5), today's and later ones too. */
    leaveDays: { type: Number, default: 0 },
    minutes: { type: Number, default: 0 },
  },
  { _id: false },
);

const attendanceMonthSchema = new Schema(
  {
    _id: { type: String, required: true },
    employeeId: { type: Schema.Types.ObjectId, ref: 'Employee', required: true },
    month: { type: String, required: true },
    days: { type: [entrySchema], default: [] },
    totals: { type: totalsSchema, default: () => ({}) },
    version: { type: Number, default: 0 },
    updatedAt: { type: Date, default: null },
  },
  { collection: 'attendancemonths' },
);
// the recount finds a month's rollups to reset (on MongoDB by this index)
attendanceMonthSchema.index({ month: 1 });

export type MonthEntry = {
  date: string;
  status: 'present' | 'absent' | 'leave' | null;
  checkInAt: Date | null;
  checkOutAt: Date | null;
  madeUp: boolean;
  leave: 'full' | 'am' | 'pm' | null;
};
export type MonthTotalsStored = {
  present: number;
  late: number;
  earlyLeave: number;
  absent: number;
  leaveDays: number;
  minutes: number;
};
export type AttendanceMonthDoc = {
  _id: string;
  employeeId: mongoose.Types.ObjectId;
  month: string;
  days: MonthEntry[];
  totals: MonthTotalsStored;
  version: number;
  updatedAt: Date | null;
};
export const AttendanceMonth = mongoose.model('AttendanceMonth', attendanceMonthSchema);
