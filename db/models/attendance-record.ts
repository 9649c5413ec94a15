import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/**
 * One employee's local workday. `date` is 'YYYY-MM-DD' in the employee's own timezone, so the unique
 * (employeeId, date) index is what makes "one check-in per local day" hold under concurrency.
 * Late / early / hours are computed on read from the timestamps (a leave approved later changes them).
 * `status: 'absent'` is written only by the end-of-day job; a check-in or made-up punch clears it.
 */
const attendanceRecordSchema = new Schema(
  {
    employeeId: { type: Schema.Types.ObjectId, ref: 'Employee', required: true },
    date: { type: String, required: true },
    status: { type: String, enum: ['present', 'absent', 'leave'], required: true },
    checkInAt: { type: Date, default: null },
    checkOutAt: { type: Date, default: null },
    checkInNote: { type: String, default: '' },
    checkOutNote: { type: String, default: '' },
    /** Approval request ids of make-up punches (补卡) applied to this day. */
    madeUpBy: { type: [String], default: [] },
    /** The leave request that turned a marked absence into leave (so cancelling can undo it). */
    leaveRequestId: { type: String, default: null },
  },
  { timestamps: true },
);
attendanceRecordSchema.index({ employeeId: 1, date: 1 }, { unique: true });
// month reports and the absence job read a date range for many employees at once
attendanceRecordSchema.index({ date: 1, employeeId: 1 });
// cancelling a leave finds the absences it had turned into leave
attendanceRecordSchema.index({ leaveRequestId: 1 });

export type AttendanceRecordDoc = InferSchemaType<typeof attendanceRecordSchema> & {
  _id: mongoose.Types.ObjectId;
};
export const AttendanceRecord = mongoose.model('AttendanceRecord', attendanceRecordSchema);
