import mongoose, { Schema } from 'mongoose';

/**
 * Contacts with customers counted per quarter hour of one UTC ISO week, kept on every insert of a
 * follow-up (db/follow-up-weeks.ts), so a trend over weeks is a few point reads in any zone.
 * `_id`: `<author id>:<week>` or `company:<week>` (week as `2026-W49`); `n` maps a quarter hour
 * of the week (`q0` = Monday 00:00 UTC … `q671`) to its count, zero hours left out.
 * `uncounted:<week>` marks a week whose count an insert missed, until a recount.
 */
const followUpWeekSchema = new Schema(
  {
    _id: { type: String, required: true },
    n: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);

export const FollowUpWeek = mongoose.model('FollowUpWeek', followUpWeekSchema);
