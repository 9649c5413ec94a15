import { DateTime } from 'luxon';
import { COMPANY, countsBetween } from '../../db/follow-up-weeks.js';
import type { Person } from '../../src/bot/types.js';
import { readDirectory } from '../org/api.js';
import { seesAll } from './access.js';

export const TREND_WEEKS = 12;

export type Trend = {
  /** Monday of each week (ISO date, in the reader's zone), oldest first, with its count. */
  weeks: { start: string; count: number }[];
  total: number;
  scope: 'all' | 'team' | 'own';
  /** An insert's count failed in one of these weeks: they may be short until a recount. */
  missed: boolean;
};

/**
 * Follow-ups per week over the last `weeks` weeks up to `now`, in the reader's zone (weeks start
 * on Monday there). Whose follow-ups, as for customers (access.ts): admins everyone's, managers
 * their own and everyone down their line, others their own. Read from the weekly rollup kept on
 * insert (db/follow-up-weeks.ts): 13 rollups per person seen, or 13 for the company, however
 * long the history. Its quarter hours end the range: the one holding `now` counts whole.
 */
export async function followUpTrend(viewer: Person, now: DateTime, weeks = TREND_WEEKS): Promise<Trend> {
  const local = now.setZone(viewer.timezone);
  const first = local.startOf('week').minus({ weeks: weeks - 1 });
  const { rows: buckets, missed } = await countsBetween((await authorsFor(viewer)) ?? [COMPANY], first, now);
  const counts = new Map<string, number>();
  for (const { at, count } of buckets) {
    const start = toWeek(at, viewer.timezone);
    counts.set(start, (counts.get(start) ?? 0) + count);
  }
  const rows = Array.from({ length: weeks }, (_, i) => {
    const start = first.plus({ weeks: i }).toISODate() ?? '';
    return { start, count: counts.get(start) ?? 0 };
  });
  const scope = seesAll(viewer) ? 'all' : viewer.roles.includes('manager') ? 'team' : 'own';
  return { weeks: rows, total: rows.reduce((sum, r) => sum + r.count, 0), scope, missed };
}

function toWeek(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).startOf('week').toISODate() ?? '';
}

/** Whose follow-ups the viewer sees; undefined = everyone's. */
async function authorsFor(viewer: Person): Promise<string[] | undefined> {
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
  return ids;
}
