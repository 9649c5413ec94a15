import mongoose from 'mongoose';
import type { HistoryLine } from '../../db/models/customer.js';
import { FollowUp, type FollowUpKind } from '../../db/models/follow-up.js';
import { withLine } from './history.js';
import { changeCustomer } from './ownership.js';

/**
 * Something another flow did for a customer (a sample sent), on its timeline: a row in the full
 * log and a line on the profile. It is not a contact by the owner, so the follow-up dates and the
 * idle clock stay as they are. The caller makes it happen once (a claim on its own key).
 */
export async function addToTimeline(entry: {
  customerId: string;
  kind: Exclude<FollowUpKind, 'note' | 'claimed' | 'released' | 'returned'>;
  by: string;
  note: string;
  at: Date;
}): Promise<void> {
  const customerId = new mongoose.Types.ObjectId(entry.customerId);
  const by = new mongoose.Types.ObjectId(entry.by);
  const line: HistoryLine = { at: entry.at, by, kind: entry.kind, channel: 'other', note: entry.note };
  await FollowUp.create({
    customerId,
    by,
    at: entry.at,
    kind: entry.kind,
    channel: 'other',
    note: entry.note,
  });
  await changeCustomer(customerId, (doc) => ({ recent: withLine(doc.recent, line) }), entry.at);
}
