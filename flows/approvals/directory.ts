import type mongoose from 'mongoose';
import type { ApprovalRequestDoc } from '../../db/models/approval-request.js';
import { Employee } from '../../db/models/employee.js';
import type { Locale } from '../../src/bot/types.js';
import type { Viewer } from './cards.js';

type Id = mongoose.Types.ObjectId;

/** Names for the card and each reader's language and zone: one query per announcement. */
export type Directory = { names: Map<string, string>; viewers: Map<string, Viewer> };

/** Everyone a request involves. */
function people(doc: ApprovalRequestDoc): Id[] {
  return [
    doc.requesterId,
    ...doc.cc,
    ...doc.steps.flatMap((s) => s.approvers.flatMap((a) => [a.employeeId, a.standsInFor])),
    ...doc.history.map((h) => h.by),
  ].filter((id): id is Id => !!id);
}

export async function directoryOf(doc: ApprovalRequestDoc): Promise<Directory> {
  const rows = await Employee.find({ _id: { $in: people(doc) } }, { name: 1, locale: 1, timezone: 1 }).lean();
  return {
    names: new Map(rows.map((r) => [String(r._id), r.name])),
    viewers: new Map(
      rows.map((r) => [
        String(r._id),
        { id: String(r._id), locale: r.locale as Locale, timezone: r.timezone },
      ]),
    ),
  };
}
