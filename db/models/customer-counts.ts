import mongoose, { Schema } from 'mongoose';

/**
 * Customers counted per value of each analytics dimension, kept on every write that moves a
 * customer between values (flows/crm/counts.ts), so company-wide analytics is one point read.
 * One document, `_id: 'company'`; each dimension maps an encoded value to its count.
 */
const customerCountsSchema = new Schema(
  {
    _id: { type: String, required: true },
    city: { type: Schema.Types.Mixed, default: {} },
    age: { type: Schema.Types.Mixed, default: {} },
    industry: { type: Schema.Types.Mixed, default: {} },
    stage: { type: Schema.Types.Mixed, default: {} },
    owner: { type: Schema.Types.Mixed, default: {} },
    lost_reason: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);

export const CustomerCounts = mongoose.model('CustomerCounts', customerCountsSchema);
