import mongoose from 'mongoose';
import { Customer, type CustomerDoc, type Stage } from '../../db/models/customer.js';
import { type Channel, FollowUp, type FollowUpDoc } from '../../db/models/follow-up.js';

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
};

/**
 * Logs a contact and moves the customer's dates: last = now; next = the date said, else a plan
 * that fell due today or earlier is cleared (this contact was it) and a later one is kept.
 * A plain update, not a versioned change: these fields never decide ownership.
 */
export async function logFollowUp(
  input: FollowUpInput,
): Promise<{ entry: FollowUpDoc; customer: CustomerDoc }> {
  const { customer, now } = input;
  const entry = await FollowUp.create({
    customerId: customer._id,
    by: new mongoose.Types.ObjectId(input.byId),
    at: now,
    channel: input.channel,
    note: input.note,
    nextAt: input.nextAt ?? null,
    stage: input.stage ?? null,
  });
  const set: Record<string, unknown> = {};
  if (input.nextAt) set.nextFollowUpAt = input.nextAt;
  else if (customer.nextFollowUpAt && customer.nextFollowUpAt <= input.endOfToday) set.nextFollowUpAt = null;
  if (input.stage) set.stage = input.stage;
  const updated = await Customer.findOneAndUpdate(
    { _id: customer._id },
    { $set: set, $max: { lastFollowUpAt: now, activeAt: now } },
    { returnDocument: 'after' },
  ).lean<CustomerDoc>();
  return { entry: entry.toObject() as FollowUpDoc, customer: updated ?? customer };
}

/** Follow-up log entries in [from, to), oldest first, for the CSV export. */
export async function followUpsBetween(from: Date, to: Date, limit = 100_000): Promise<FollowUpDoc[]> {
  return FollowUp.find({ at: { $gte: from, $lt: to } })
    .sort({ at: 1 })
    .limit(limit)
    .lean<FollowUpDoc[]>();
}
