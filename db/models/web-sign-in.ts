import mongoose, { Schema } from 'mongoose';

/**
 * A one-time sign-in for the web chat (a link sent through Slack/Lark, or an admin's invite).
 * `_id` is the SHA-256 of the token: the token itself is only ever in the link, so a copy of
 * the database signs nobody in.
 */
const webSignInSchema = new Schema({
  _id: { type: String, required: true },
  email: { type: String, required: true },
  kind: { type: String, enum: ['link', 'invite'], required: true },
  expiresAt: { type: Date, required: true, index: true },
});

export const WebSignIn = mongoose.model('WebSignIn', webSignInSchema);
