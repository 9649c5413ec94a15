import mongoose, { Schema } from 'mongoose';

/** How far one data migration has got: a restart resumes after `cursor` instead of starting over. */
const migrationSchema = new Schema({
  _id: { type: String, required: true },
  startedAt: { type: Date, required: true },
  finishedAt: { type: Date, default: null },
  cursor: { type: String, default: null },
  migrated: { type: Number, default: 0 },
});

export const MigrationState = mongoose.model('MigrationState', migrationSchema);
