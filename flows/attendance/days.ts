import type { DateTime } from 'luxon';
import type { DayResult } from './evaluate.js';
import { daysOf, entryOf, judge, readMonths, readTruth } from './rollup.js';
import { loadSchedules, type Schedule, type ScheduledPerson } from './schedule.js';

/**
 * Day results for many people over a date range, from their month rollups: one point read per
 * person and month, however long the history — the month report, team views and the digest
 * build on this.
 */
export async function loadDays(
  people: ScheduledPerson[],
  from: string,
  to: string,
  scheduleOf: (p: ScheduledPerson) => Schedule,
  now: DateTime,
): Promise<Map<string, DayResult[]>> {
  const months = await readMonths(
    people.map((p) => p.id),
    from,
    to,
  );
  return new Map(people.map((p) => [p.id, daysOf(p, months, from, to, scheduleOf(p), now)]));
}

/** One day from its own documents (two point reads), not from the rollup. */
export async function dayOf(p: ScheduledPerson, date: string, now: DateTime): Promise<DayResult> {
  const truth = (await readTruth(p.id, [date])).get(date) ?? {};
  return judge(entryOf(date, truth), date, p, (await loadSchedules())(p), now);
}
