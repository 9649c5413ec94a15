import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { FollowUp, type FollowUpKind } from '../../db/models/follow-up.js';
import type { Person } from '../../src/bot/types.js';
import { readDirectory } from '../org/api.js';
import { seesAll } from './access.js';

export const TREND_WEEKS = 12;
/** Contacts with a customer; pool moves (claimed, released, returned) are not follow-ups. */
const CONTACTS: FollowUpKind[] = ['note', 'sample', 'lost'];
/** A report, bounded: 12 weeks of a large company's follow-ups, read by the `at` index. */
const MAX_ENTRIES = 200_000;

export type Trend = {
  /** Monday of each week (ISO date, in the reader's zone), oldest first, with its count. */
  weeks: { start: string; count: number }[];
  total: number;
  scope: 'all' | 'team' | 'own';
};

/**
 * Follow-ups per week over the last `weeks` weeks up to `now`, in the reader's zone (weeks start
 * on Monday there). Whose follow-ups, as for customers (access.ts): admins everyone's, managers
 * their own and everyone down their line, others their own.
 */
export async function followUpTrend(viewer: Person, now: DateTime, weeks = TREND_WEEKS): Promise<Trend> {
  const local = now.setZone(viewer.timezone);
  const first = local.startOf('week').minus({ weeks: weeks - 1 });
  const by = await authorsFor(viewer);
  const filter = {
    at: { $gte: first.toJSDate(), $lte: now.toJSDate() },
    kind: { $in: CONTACTS },
    ...(by ? { by: { $in: by } } : {}),
  };
  const entries = await FollowUp.find(filter).select({ at: 1 }).limit(MAX_ENTRIES).lean<{ at: Date }[]>();
  const counts = new Map<string, number>();
  for (const e of entries) {
    const start = toWeek(e.at, viewer.timezone);
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  const rows = Array.from({ length: weeks }, (_, i) => {
    const start = first.plus({ weeks: i }).toISODate() ?? '';
    return { start, count: counts.get(start) ?? 0 };
  });
  const scope = seesAll(viewer) ? 'all' : viewer.roles.includes('manager') ? 'team' : 'own';
  return { weeks: rows, total: rows.reduce((sum, r) => sum + r.count, 0), scope };
}

function toWeek(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).startOf('week').toISODate() ?? '';
}

/** Whose follow-ups the viewer sees; undefined = everyone's. */
async function authorsFor(viewer: Person): Promise<mongoose.Types.ObjectId[] | undefined> {
  if (seesAll(viewer)) return undefined;
  const ids = [viewer.id];
  if (viewer.roles.includes('manager')) {
    const org = await readDirectory();
    // breadth-first down the line; `seen` guards against a loop in bad data
    const seen = new Set(ids);
    for (let i = 0; i < ids.length; i++) {
      for (const report of org.reportsOf(ids[i] as string)) {
        const id = String(report._id);
        if (!seen.has(id)) {
          seen.add(id);
          ids.push(id);
        }
      }
    }
  }
  return ids.map((id) => new mongoose.Types.ObjectId(id));
}
