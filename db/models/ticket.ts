import mongoose, { type InferSchemaType, Schema } from 'mongoose';

export const TICKET_STATUSES = ['open', 'taken', 'resolved'] as const;

/** A customer service ticket (客户服务), numbered TK-n; changes are guarded by `version`. */
const ticketSchema = new Schema(
  {
    no: { type: String, required: true, unique: true },
    customerId: { type: Schema.Types.ObjectId, required: true },
    problem: { type: String, required: true },
    openedBy: { type: Schema.Types.ObjectId, required: true },
    assigneeId: { type: Schema.Types.ObjectId, default: null },
    status: { type: String, enum: TICKET_STATUSES, default: 'open' },
    resolution: { type: String, default: '' },
    resolvedAt: { type: Date, default: null },
    remindedAt: { type: Date, default: null },
    version: { type: Number, default: 0 },
  },
  { timestamps: true },
);
ticketSchema.index({ customerId: 1, status: 1 });
// open tickets past the SLA
ticketSchema.index({ status: 1, createdAt: 1 });

export type TicketDoc = InferSchemaType<typeof ticketSchema> & {
  _id: mongoose.Types.ObjectId;
  status: (typeof TICKET_STATUSES)[number];
  createdAt: Date;
};
export const Ticket = mongoose.model('Ticket', ticketSchema);
