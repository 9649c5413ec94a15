import mongoose, { Schema } from 'mongoose';

/**
 * Where a card about a request was sent, so every copy can be updated after a decision. Kept
 * apart from the request: inserts never contend with the request's versioned updates.
 */
const approvalCardSchema = new Schema({
  requestId: { type: Schema.Types.ObjectId, required: true, index: true },
  employeeId: { type: Schema.Types.ObjectId, required: true },
  platform: { type: String, required: true },
  channelId: { type: String, required: true },
  messageId: { type: String, required: true },
});

export const ApprovalCard = mongoose.model('ApprovalCard', approvalCardSchema);
