import mongoose, { Schema } from 'mongoose';

/**
 * Something the bot asked and is waiting on: a confirmation card (`_id` random, carried by its
 * buttons) or a question in a chat (`_id` `ask:<employee>:<chat>`, one open question per chat).
 * Expired rows are ignored on read and pruned by a job: the embedded store has no TTL indexes.
 */
const pendingActionSchema = new Schema({
  _id: { type: String, required: true },
  employeeId: { type: String, required: true },
  intent: { type: String, required: true },
  /** JSON: the parsed arguments to run with (confirmations). */
  args: { type: String, default: null },
  /** What was said so far (questions): the answer is appended and parsed again. */
  text: { type: String, default: null },
  locale: { type: String, required: true },
  /** JSON: the confirmation card as sent, to show it answered once clicked. */
  card: { type: String, default: null },
  /** JSON: files shared with the turn that stored it (the command run later gets them). */
  files: { type: String, default: null },
  expiresAt: { type: Date, required: true, index: true },
});

export const PendingAction = mongoose.model('PendingAction', pendingActionSchema);
