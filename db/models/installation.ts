import mongoose, { Schema } from 'mongoose';

export const INSTALL_STATUSES = ['assigned', 'done'] as const;
export type InstallStatus = (typeof INSTALL_STATUSES)[number];

/**
 * The field job after a delivery: one per sales order, `_id` `<order no>:install` so every chat
 * turn reads it by `_id`. `due` is a local date (yyyy-mm-dd): overdue is "the reader's today is
 * past it". It moves `version` v → v+1 under a claim (db/versioned.ts), so a double click on
 * assign or done writes once.
 */
const installationSchema = new Schema(
  {
    _id: { type: String, required: true },
    no: { type: String, required: true },
    orderId: { type: Schema.Types.ObjectId, required: true },
    customerId: { type: Schema.Types.ObjectId, default: null },
    customerName: { type: String, default: '' },
    ownerId: { type: Schema.Types.ObjectId, required: true },
    assigneeId: { type: Schema.Types.ObjectId, required: true },
    assignedBy: { type: Schema.Types.ObjectId, required: true },
    due: { type: String, required: true },
    status: { type: String, enum: INSTALL_STATUSES, default: 'assigned' },
    note: { type: String, default: '' },
    photo: { type: String, default: '' },
    doneBy: { type: Schema.Types.ObjectId, default: null },
    doneAt: { type: Date, default: null },
    version: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { minimize: false },
);
// the digest's overdue list: open jobs by due date
installationSchema.index({ status: 1, due: 1 });

export type InstallationDoc = {
  _id: string;
  no: string;
  orderId: mongoose.Types.ObjectId;
  customerId: mongoose.Types.ObjectId | null;
  customerName: string;
  ownerId: mongoose.Types.ObjectId;
  assigneeId: mongoose.Types.ObjectId;
  assignedBy: mongoose.Types.ObjectId;
  due: string;
  status: InstallStatus;
  note: string;
  photo: string;
  doneBy: mongoose.Types.ObjectId | null;
  doneAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export const Installation = mongoose.model('Installation', installationSchema);
