import { Customer } from '../../db/models/customer.js';
import { csvLine } from '../../src/csv-export.js';
import { namesOf } from '../org/api.js';
import { followUpsBetween } from './follow-ups.js';

const HEADER = ['at', 'customer', 'by', 'kind', 'channel', 'note', 'next_at', 'stage'];

/** The follow-up log in [from, to) as CSV (RFC 4180), one entry a line, oldest first. */
export async function exportFollowUpsCsv(from: Date, to: Date): Promise<string> {
  const rows = await followUpsBetween(from, to);
  const customers = await Customer.find(
    { _id: { $in: [...new Set(rows.map((r) => String(r.customerId)))] } },
    { name: 1 },
  ).lean();
  const customerName = new Map(customers.map((c) => [String(c._id), c.name]));
  const names = await namesOf(rows.map((r) => r.by));
  const lines = rows.map((r) =>
    csvLine([
      r.at.toISOString(),
      customerName.get(String(r.customerId)) ?? '',
      r.by ? (names.get(String(r.by)) ?? '') : '',
      r.kind,
      r.channel,
      r.note,
      r.nextAt ? r.nextAt.toISOString() : '',
      r.stage ?? '',
    ]),
  );
  return [csvLine(HEADER), ...lines].join('');
}
