import mongoose from 'mongoose';
import type { CustomerDoc, HistoryLine, Stage } from '../../db/models/customer.js';
import { type Channel, FollowUp, type FollowUpDoc } from '../../db/models/follow-up.js';
import { countChange, recordCounts } from './counts.js';
import type { FollowUpDetails } from './follow-up-details.js';
import { withLine } from './history.js';
import { changeCustomer } from './ownership.js';

export type FollowUpInput = {
  customer: CustomerDoc;
  byId: string;
  channel: Channel;
  note: string;
  nextAt?: Date;
  stage?: Stage;
  now: Date;
  /** The end of the writer's local today: a planned follow-up up to then is the one being logged. */
  endOfToday: Date;
} & FollowUpDetails;

/** How many contact times and stage changes a customer keeps for its profile. */
export const KEPT = 10;

/**
 * Logs a contact and moves the customer's dates: last = now; next = the date said, else a plan
 * that fell due today or earlier is cleared (this contact was it) and a later one is kept. A
 * versioned change like a claim's, so neither write loses the other's fields on the embedded
 * store, and a new stage moves the analytics counts by exactly what changed.
 */
export async function logFollowUp(
  input: FollowUpInput,
): Promise<{ entry: FollowUpDoc; customer: CustomerDoc }> {
  const { customer, now } = input;
  const by = new mongoose.Types.ObjectId(input.byId);
  const entry = await FollowUp.create({
    customerId: customer._id,
    by,
    at: now,
    channel: input.channel,
    note: input.note,
    nextAt: input.nextAt ?? null,
    stage: input.stage ?? null,
    place: input.place ?? '',
    price: input.price ?? '',
    nextStep: input.nextStep ?? '',
  });
  const line: HistoryLine = { at: now, by, kind: 'note', channel: input.channel, note: input.note };
  const later = (d: Date | null | undefined) => (d && d > now ? d : now);
  const result = await changeCustomer(
    customer._id,
    (doc) => {
      const set: Record<string, unknown> = {
        lastFollowUpAt: later(doc.lastFollowUpAt),
        activeAt: later(doc.activeAt),
        recent: withLine(doc.recent, line),
        contactTimes: [now, ...(doc.contactTimes ?? [])].slice(0, KEPT),
      };
      if (input.stage && input.stage !== doc.stage)
        set.stageHistory = [{ stage: input.stage, at: now }, ...(doc.stageHistory ?? [])].slice(0, KEPT);
      if (input.nextStep) set.nextStep = input.nextStep;
      if (input.nextAt) set.nextFollowUpAt = input.nextAt;
      else if (doc.nextFollowUpAt && doc.nextFollowUpAt <= input.endOfToday) set.nextFollowUpAt = null;
      if (input.stage) set.stage = input.stage;
      return set;
    },
    now,
  );
  if (!result.ok) return { entry: entry.toObject() as FollowUpDoc, customer };
  if (input.stage) await recordCounts(countChange(result.before, result.doc), now);
  return { entry: entry.toObject() as FollowUpDoc, customer: result.doc };
}

/** Follow-up log entries in [from, to), oldest first, for the CSV export. */
export async function followUpsBetween(from: Date, to: Date, limit = 100_000): Promise<FollowUpDoc[]> {
  return FollowUp.find({ at: { $gte: from, $lt: to } })
    .sort({ at: 1 })
    .limit(limit)
    .lean<FollowUpDoc[]>();
}
