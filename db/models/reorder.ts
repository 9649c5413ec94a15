import mongoose, { Schema } from 'mongoose';

/**
 * A min/max rule for one product in one warehouse, `_id` `<productId>:<warehouseId>` like its
 * stock level, so a movement reads it by `_id`. `epoch` counts dips: each dip under `min`
 * proposes a purchase once (the proposal's `_id` carries the epoch); climbing back to `min`
 * starts the next epoch.
 */
const reorderRuleSchema = new Schema(
  {
    _id: { type: String, required: true },
    productId: { type: Schema.Types.ObjectId, required: true },
    warehouseId: { type: Schema.Types.ObjectId, required: true },
    sku: { type: String, required: true },
    min: { type: Number, required: true },
    max: { type: Number, required: true },
    /** The preferred supplier's name; empty: the proposal asks which. */
    supplier: { type: String, default: '' },
    epoch: { type: Number, default: 0 },
    version: { type: Number, default: 0 },
    updatedAt: { type: Date, required: true },
  },
  { minimize: false },
);

export type ReorderRuleDoc = {
  _id: string;
  productId: mongoose.Types.ObjectId;
  warehouseId: mongoose.Types.ObjectId;
  sku: string;
  min: number;
  max: number;
  supplier: string;
  epoch: number;
  version: number;
  updatedAt: Date;
};

export const ReorderRule = mongoose.model('ReorderRule', reorderRuleSchema);

export const PROPOSAL_STATUSES = ['proposed', 'created', 'dismissed'] as const;

/** A proposed purchase for one dip, `_id` `<rule id>:e<epoch>`: its unique insert is the once-per-dip claim. */
const reorderProposalSchema = new Schema(
  {
    _id: { type: String, required: true },
    ruleId: { type: String, required: true },
    productId: { type: Schema.Types.ObjectId, required: true },
    warehouseId: { type: Schema.Types.ObjectId, required: true },
    sku: { type: String, required: true },
    onHand: { type: Number, required: true },
    min: { type: Number, required: true },
    max: { type: Number, required: true },
    qty: { type: Number, required: true },
    supplier: { type: String, default: '' },
    status: { type: String, enum: PROPOSAL_STATUSES, default: 'proposed' },
    poNo: { type: String, default: '' },
    decidedBy: { type: Schema.Types.ObjectId, default: null },
    version: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { minimize: false },
);

export type ReorderProposalDoc = {
  _id: string;
  ruleId: string;
  productId: mongoose.Types.ObjectId;
  warehouseId: mongoose.Types.ObjectId;
  sku: string;
  onHand: number;
  min: number;
  max: number;
  qty: number;
  supplier: string;
  status: (typeof PROPOSAL_STATUSES)[number];
  poNo: string;
  decidedBy: mongoose.Types.ObjectId | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export const ReorderProposal = mongoose.model('ReorderProposal', reorderProposalSchema);
