import { inList } from '../../db/in-list.js';
import { Delivery } from '../../db/models/delivery.js';

/** How far back "since the last digest" looks (a long holiday, a first digest). */
export const MAX_SINCE_MS = 7 * 86_400_000;
/**
 * The digests of the past week (sent or empty) in one read: which keys are taken (today's among
 * them) and each person's last one (what changed since). On the embedded store this read scans
 * the whole collection, hence one read for both.
 */
export async function digestHistory(
  ids: string[],
  now: Date,
  before = now,
): Promise<{ keys: Set<string>; last: Map<string, Date> }> {
  const rows = await Delivery.find(
    {
      kind: 'digest',
      at: { $gte: new Date(now.getTime() - MAX_SINCE_MS), $lte: before },
      ...inList('employeeId', ids),
    },
    { employeeId: 1, at: 1 },
  ).lean();
  const last = new Map<string, Date>();
  for (const r of rows) {
    const id = String(r.employeeId);
    const seen = last.get(id);
    if (!seen || r.at > seen) last.set(id, r.at);
  }
  return { keys: new Set(rows.map((r) => r._id)), last };
}
