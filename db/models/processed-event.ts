import mongoose, { Schema } from 'mongoose';

/**
 * Platform event ids already handled, so a retry never writes twice. The embedded store has no
 * TTL indexes: old rows are pruned by the housekeeping job (see db/processed-events.ts).
 */
const processedEventSchema = new Schema({
  platform: { type: String, required: true },
  eventId: { type: String, required: true },
  at: { type: Date, required: true, index: true },
});
processedEventSchema.index({ platform: 1, eventId: 1 }, { unique: true });

export const ProcessedEvent = mongoose.model('ProcessedEvent', processedEventSchema);
