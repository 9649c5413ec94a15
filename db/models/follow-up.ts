import mongoose, { type InferSchemaType, Schema } from 'mongoose';
import { type Counted, countInserted } from '../follow-up-weeks.js';

export const CHANNELS = ['call', 'visit', 'wechat', 'email', 'meeting', 'negotiation', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export const FOLLOW_UP_KINDS = ['note', 'claimed', 'released', 'returned', 'sample', 'lost'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
/** Contacts with a customer; pool moves (claimed, released, returned) are not follow-ups. */
export const CONTACT_KINDS: readonly FollowUpKind[] = ['note', 'sample', 'lost'];

/** One logged contact with a customer; `kind` also records pool moves so the history tells all. */
const followUpSchema = new Schema({
  customerId: { type: Schema.Types.ObjectId, required: true },
  by: { type: Schema.Types.ObjectId, default: null },
  at: { type: Date, required: true },
  kind: { type: String, enum: FOLLOW_UP_KINDS, default: 'note' },
  channel: { type: String, enum: CHANNELS, default: 'other' },
  note: { type: String, default: '' },
  nextAt: { type: Date, default: null },
  stage: { type: String, default: null },
  /** A visit's check-in: where it was said to take place (the time is `at`). */
  place: { type: String, default: '' },
  /** A negotiation's outcome: the price discussed and the agreed next step, as written. */
  price: { type: String, default: '' },
  nextStep: { type: String, default: '' },
});
// a customer's latest entries; the export by date range
followUpSchema.index({ customerId: 1, at: -1 });
followUpSchema.index({ at: 1 });

/*
 * Every insert that happened counts its contacts in the weekly rollup (db/follow-up-weeks.ts),
 * whoever writes it — the services, the sample timeline, imports, the demo seed. Hooks, not a
 * helper each writer must remember: a retry that inserts an `_id` again fails before them, so a
 * follow-up counts once. The lock takes the machine's time: its staleness is wall-clock time.
 */
type Inserted = Counted & { kind?: string | null };
const countContacts = (docs: readonly Inserted[]) =>
  countInserted(
    docs.filter((d) => CONTACT_KINDS.includes((d.kind ?? 'note') as FollowUpKind)),
    new Date(),
  );
followUpSchema.pre('save', function () {
  this.$locals.inserting = this.isNew;
});
followUpSchema.post('save', async function () {
  if (this.$locals.inserting) await countContacts([this]);
});
// typed by mongoose as the model; it is the documents inserted
followUpSchema.post('insertMany', async (docs: unknown) => countContacts(docs as Inserted[]));
// an unordered insert that met taken `_id`s still inserted the others
followUpSchema.post(
  'insertMany',
  { errorHandler: true },
  async (err: Error & { insertedDocs?: Inserted[] }) => {
    await countContacts(err.insertedDocs ?? []);
    throw err;
  },
);

export type FollowUpDoc = InferSchemaType<typeof followUpSchema> & { _id: mongoose.Types.ObjectId };
export const FollowUp = mongoose.model('FollowUp', followUpSchema);
