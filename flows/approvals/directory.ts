import type mongoose from 'mongoose';
import type { ApprovalRequestDoc } from '../../db/models/approval-request.js';
import type { Locale } from '../../src/bot/types.js';
import { readDirectory } from '../org/api.js';
import type { Viewer } from './cards.js';

type Id = mongoose.Types.ObjectId;

/** Names for the card and each reader's language and zone, from the in-memory directory. */
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
  const org = await readDirectory();
  const rows = people(doc).flatMap((id) => org.byId(id) ?? []);
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
