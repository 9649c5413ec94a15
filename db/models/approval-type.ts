import mongoose, { Schema } from 'mongoose';

/**
 * One version of an admin-defined request type (flows/approvals/custom-types), keyed
 * `<type>:<version>`: a version is never changed once written, so a request filed with it reads
 * its form and route as they were. The unique insert of the next number is what makes two
 * uploads at once get two versions instead of one overwriting the other.
 */
const approvalTypeSchema = new Schema(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    version: { type: Number, required: true },
    definition: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'approvaltypes', minimize: false, versionKey: false },
);

export type ApprovalTypeDoc = {
  _id: string;
  type: string;
  version: number;
  definition: unknown;
  createdAt: Date;
};

export const ApprovalTypeVersion = mongoose.model('ApprovalTypeVersion', approvalTypeSchema);
