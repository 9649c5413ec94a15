import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/** `<employeeId>:<date>`: the `_id` of an employee's attendance day and of their leave that day. */
export const dayKey = (employeeId: unknown, date: string) => `${String(employeeId)}:${date}`;

/**
 * One employee's local workday, keyed by `<employeeId>:<date>` ('YYYY-MM-DD' in the employee's own
 * timezone). The key is what makes "one check-in per local day" hold under concurrency: inserting
 * the day is the check-in, a duplicate key means the day exists already. Every read on a chat turn
 * is a point read by this key (the embedded store looks up nothing else by index). Later changes
 * (check-out, a late arrival on a day marked absent, a made-up punch, leave) move `version` under
 * a claim (db/versioned.ts). Late / early / hours are judged from the timestamps when the month's
 * rollup is written and when a day is shown. `status: 'absent'` is written only by the
 * end-of-day job; a check-in or made-up punch clears it.
 */
const attendanceDaySchema = new Schema(
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
    status: { type: String, enum: ['present', 'absent', 'leave'], required: true },
    checkInAt: { type: Date, default: null },
    checkOutAt: { type: Date, default: null },
    checkInNote: { type: String, default: '' },
    checkOutNote: { type: String, default: '' },
    /** Out-of-office punches (外勤打卡): where, at which customer, when; the first is also the check-in. */
    fieldPunches: {
      type: [{ at: { type: Date, required: true }, place: String, customer: String, _id: false }],
      default: [],
    },
    /** Approval request numbers of make-up punches (补卡) applied to this day. */
    madeUpBy: { type: [String], default: [] },
    /** The leave request that turned a marked absence into leave (so cancelling can undo it). */
    leaveRequestId: { type: String, default: null },
    version: { type: Number, default: 0 },
  },
  { timestamps: true, collection: 'attendancedays' },
);
// reports, the recount and (on MongoDB) the absence job read a date range for many employees
attendanceDaySchema.index({ date: 1, employeeId: 1 });

export type AttendanceDayDoc = InferSchemaType<typeof attendanceDaySchema> & { _id: string };
export const AttendanceDay = mongoose.model('AttendanceDay', attendanceDaySchema);
