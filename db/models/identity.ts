import mongoose, { Schema } from 'mongoose';

/** A platform account bound to an employee; one account maps to exactly one employee. */
const identitySchema = new Schema(
  {
    platform: { type: String, required: true },
    teamId: { type: String, required: true },
    userId: { type: String, required: true },
    employeeId: { type: Schema.Types.ObjectId, ref: 'Employee', required: true, index: true },
  },
  { timestamps: true },
);
identitySchema.index({ platform: 1, teamId: 1, userId: 1 }, { unique: true });

export const Identity = mongoose.model('Identity', identitySchema);
