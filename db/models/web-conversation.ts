import mongoose, { Schema } from 'mongoose';

/**
 * One person's web chat, newest entries last, keyed by their employee id: loading the page or
 * resuming a stream is one read by `_id` (the only lookup the embedded store does by index).
 * Replies are JSON text: cards hold nested arrays (fields), which the embedded store cannot keep.
 */
const entrySchema = new Schema(
  {
    /** Its place in the conversation; never reused. */
    id: { type: Number, required: true },
    /** The conversation's `seq` when the entry was last written: the live stream's event id. */
    rev: { type: Number, required: true },
    at: { type: Date, required: true },
    from: { type: String, enum: ['me', 'bot', 'notice'], required: true },
    reply: { type: String, required: true },
  },
  { _id: false },
);

const webConversationSchema = new Schema({
  _id: { type: String, required: true },
  version: { type: Number, required: true },
  /** The last event number given out, for entries added and entries replaced alike. */
  seq: { type: Number, required: true },
  entries: { type: [entrySchema], default: [] },
  updatedAt: { type: Date },
});

export const WebConversation = mongoose.model('WebConversation', webConversationSchema);
