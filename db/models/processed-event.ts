import mongoose, { Schema } from 'mongoose';

/**
 * Platform events being handled or handled, so a retry never runs twice and a handling that
 * died half-way can run again. `_id` is `<platform>:<event id>`: every turn reads and writes it
 * by `_id`, the one filter the embedded store looks up by index. The embedded store has no TTL
 * indexes: old rows are pruned by the housekeeping job (see db/processed-events.ts).
 */
const processedEventSchema = new Schema({
  _id: { type: String, required: true },
  platform: { type: String, required: true },
  eventId: { type: String, required: true },
  /** When the current attempt began. */
  at: { type: Date, required: true, index: true },
  /** `running` until the attempt ends; `failed` lets a retry run, `done` makes it a duplicate. */
  state: { type: String, enum: ['running', 'done', 'failed'], default: 'running' },
  /** 1 for the first handling; each retry after a failure or a stale attempt takes the next. */
  attempt: { type: Number, default: 1 },
});
processedEventSchema.index({ platform: 1, eventId: 1 }, { unique: true });

export const ProcessedEvent = mongoose.model('ProcessedEvent', processedEventSchema);
