import mongoose, { Schema } from 'mongoose';

/**
 * One employee's leave ledger for one calendar year, keyed `<employeeId>:<year>`, so a balance
 * is a point read (plus the year before, for what carries over). Accrual is not stored: it
 * follows from the policy and the date. What is stored are the events a request causes, each
 * under a key written once (`AP-1042:annual:hold`, `…:deduct`, `…:restore`; HR's opening
 * balances and corrections `<id>:annual:adjust`), changed under a
 * version claim (db/versioned.ts): a retried hook finds its key and writes nothing. A request
 * resubmitted after it was sent back is a new revision with keys of its own (`AP-1042:r2:annual:hold`),
 * the revision before it restored.
 */
const entrySchema = new Schema(
  {
    key: { type: String, required: true },
    no: { type: String, required: true },
    /** The request's revision (1: as filed; each resubmission one more); absent on older entries. */
    rev: { type: Number },
    kind: { type: String, required: true },
    event: { type: String, enum: ['hold', 'deduct', 'restore', 'adjust'], required: true },
    /** Working days of the request that fall in this year (half days as .5); an adjustment's days, ±. */
    days: { type: Number, required: true },
    /** The leave's first day in this year: carried-over days are used first until they expire. */
    date: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const leaveYearSchema = new Schema(
  {
    _id: { type: String },
    employeeId: { type: String, required: true },
    year: { type: Number, required: true },
    entries: { type: [entrySchema], default: [] },
    version: { type: Number, default: 0 },
    updatedAt: { type: Date, default: null },
  },
  { collection: 'leaveyears' },
);
// the report and the HR digest read one year for everyone (scheduled and admin paths only)
leaveYearSchema.index({ year: 1 });

export type LeaveEvent = 'hold' | 'deduct' | 'restore' | 'adjust';
export type LeaveEntry = {
  key: string;
  no: string;
  rev?: number;
  kind: string;
  event: LeaveEvent;
  days: number;
  date: string;
  at: Date;
};
export type LeaveYearDoc = {
  _id: string;
  employeeId: string;
  year: number;
  entries: LeaveEntry[];
  version: number;
  updatedAt: Date | null;
};
export const leaveYearKey = (employeeId: string, year: number) => `${employeeId}:${year}`;
export const LeaveYear = mongoose.model('LeaveYear', leaveYearSchema);
