import mongoose, { Schema } from 'mongoose';

/**
 * What the bot sent a person through the local web chat: their inbox. The reply is stored as
 * JSON text: cards hold nested arrays (fields), which the embedded store cannot keep as values.
 */
const webMessageSchema = new Schema({
  employeeId: { type: Schema.Types.ObjectId, ref: 'Employee', required: true },
  at: { type: Date, required: true },
  reply: { type: String, required: true },
});
webMessageSchema.index({ employeeId: 1, at: 1 });

export const WebMessage = mongoose.model('WebMessage', webMessageSchema);
