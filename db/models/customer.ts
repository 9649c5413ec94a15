import mongoose, { type InferSchemaType, Schema } from 'mongoose';
import { CHANNELS, type Channel, FOLLOW_UP_KINDS, type FollowUpKind } from './follow-up.js';

export const STAGES = ['lead', 'contacted', 'qualified', 'proposal', 'won', 'lost'] as const;
export type Stage = (typeof STAGES)[number];
/** Stored bands, so "by age" is a plain `$group` (no `$bucket`/`$cond` on the embedded store). */
export const AGE_BANDS = ['<25', '25-34', '35-44', '45-54', '55+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** Why a customer was released to the pool or lost (the analytics list; `other` carries a note). */
export const LOST_REASONS = ['price', 'competitor', 'no_budget', 'no_response', 'not_fit', 'other'] as const;
export type LostReason = (typeof LOST_REASONS)[number];

/** One line of a customer's history, as the profile shows it (the full log is `FollowUp`). */
const historySchema = new Schema(
  {
    at: { type: Date, required: true },
    by: { type: Schema.Types.ObjectId, default: null },
    kind: { type: String, enum: FOLLOW_UP_KINDS, required: true },
    channel: { type: String, enum: CHANNELS, default: 'other' },
    note: { type: String, default: '' },
  },
  { _id: false },
);

/**
 * A customer is a company asset: `ownerId` null = the shared pool (公海). `nameKey` is the name
 * folded (NFKC, lower case, one space) under a unique index, because the embedded store has no
 * collation indexes; a pointer `customer-name:<nameKey>` finds it by `_id` (flows/crm/keys.ts).
 * `activeAt` = the later of the last follow-up and when the owner took it, so the idle-return job
 * is one indexed range query. `recent` (the last five history lines, newest first) and
 * `openTickets` are kept on write, so the profile reads nothing but this document and its tickets
 * by `_id`.
 */
const customerSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    nameKey: { type: String, required: true, unique: true },
    city: { type: String, default: '' },
    industry: { type: String, default: '' },
    contact: { type: String, default: '' },
    phone: { type: String, default: '' },
    email: { type: String, default: '' },
    age: { type: Number, default: null },
    ageBand: { type: String, default: '' },
    source: { type: String, default: '' },
    stage: { type: String, enum: STAGES, default: 'lead' },
    ownerId: { type: Schema.Types.ObjectId, default: null },
    tags: { type: [String], default: [] },
    lastFollowUpAt: { type: Date, default: null },
    nextFollowUpAt: { type: Date, default: null },
    activeAt: { type: Date, required: true },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    recent: { type: [historySchema], default: [] },
    openTickets: { type: [Schema.Types.ObjectId], default: [] },
    /** The latest release/loss reason ('' = never released nor lost) and its note. */
    lostReason: { type: String, default: '' },
    lostNote: { type: String, default: '' },
    /** Kept on write for the profile: stage changes and contact times (newest first, bounded). */
    stageHistory: { type: [{ stage: String, at: Date, _id: false }], default: [] },
    contactTimes: { type: [{ type: Date }], default: [] },
    /** The owner's next step, from the latest negotiation that named one. */
    nextStep: { type: String, default: '' },
    version: { type: Number, default: 0 },
  },
  { timestamps: true, minimize: false },
);
// my customers by next follow-up; due follow-ups; pool list (ownerId null)
customerSchema.index({ ownerId: 1, nextFollowUpAt: 1 });
// idle customers back to the pool
customerSchema.index({ ownerId: 1, activeAt: 1 });
// follow-up reminders: every plan that came due in the last day, whoever owns it
customerSchema.index({ nextFollowUpAt: 1 });
// analytics dimensions
customerSchema.index({ city: 1 });
customerSchema.index({ industry: 1 });
customerSchema.index({ ageBand: 1 });
customerSchema.index({ stage: 1 });

export type HistoryLine = {
  at: Date;
  by: mongoose.Types.ObjectId | null;
  kind: FollowUpKind;
  channel: Channel;
  note: string;
};
export type CustomerDoc = Omit<
  InferSchemaType<typeof customerSchema>,
  'recent' | 'stageHistory' | 'contactTimes'
> & {
  contactTimes: Date[];
  _id: mongoose.Types.ObjectId;
  stage: Stage;
  stageHistory: { stage: Stage; at: Date }[];
  recent: HistoryLine[];
  createdAt: Date;
  updatedAt: Date;
};
export const Customer = mongoose.model('Customer', customerSchema);

/** The folded form names are compared by: "ＡＣＭＥ  Corp" and "acme corp" are the same customer. */
export function nameKeyOf(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function ageBandOf(age: number): AgeBand {
  if (age < 25) return '<25';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  return '55+';
}
