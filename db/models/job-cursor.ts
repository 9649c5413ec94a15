import mongoose, { Schema } from 'mongoose';

/** How far a catch-up job has got, so a restart resumes instead of skipping or redoing everything. */
const jobCursorSchema = new Schema({
  _id: { type: String, required: true },
  through: { type: Date, required: true },
});

export const JobCursor = mongoose.model('JobCursor', jobCursorSchema);
