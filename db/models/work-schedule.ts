import mongoose, { type InferSchemaType, Schema } from 'mongoose';

/**
 * A schedule override for a department or one employee (the company default lives in
 * flows/attendance/schedule.ts). Unset fields fall through to the next level.
 */
const workScheduleSchema = new Schema(
  {
    scope: { type: String, enum: ['department', 'employee'], required: true },
    /** Department name, or the employee id as a string. */
    key: { type: String, required: true },
    weekdays: { type: [Number], default: undefined },
    start: { type: String },
    end: { type: String },
    graceMinutes: { type: Number },
    calendar: { type: String },
  },
  { timestamps: true },
);
workScheduleSchema.index({ scope: 1, key: 1 }, { unique: true });

export type WorkScheduleDoc = InferSchemaType<typeof workScheduleSchema>;
export const WorkSchedule = mongoose.model('WorkSchedule', workScheduleSchema);
