import { isDuplicateKey } from '../../db/duplicate-key.js';
import { JobCursor } from '../../db/models/job-cursor.js';
import { pruneOldest } from '../../db/prune.js';

/**
 * A timezone's local day whose digests are all out. The scheduled run comes every few minutes all
 * day; for a day marked done it reads neither settings nor deliveries (on the embedded store those
 * reads scan whole collections). Someone added to the company after the mark gets tomorrow's.
 */
const idOf = (zone: string, date: string) => `digests:${zone}:${date}`;

export async function zonesDone(days: { zone: string; date: string }[]): Promise<Set<string>> {
  if (days.length === 0) return new Set();
  const rows = await JobCursor.find(
    { _id: { $in: days.map((d) => idOf(d.zone, d.date)) } },
    { _id: 1 },
  ).lean();
  return new Set(rows.map((r) => String(r._id)));
}

export const isDone = (done: Set<string>, zone: string, date: string) => done.has(idOf(zone, date));

export async function markZonesDone(days: { zone: string; date: string }[], at: Date): Promise<void> {
  for (const d of days) {
    await JobCursor.create({ _id: idOf(d.zone, d.date), through: at }).catch((err: unknown) => {
      if (!isDuplicateKey(err)) throw err; // another instance finished the same day
    });
  }
}

export const pruneZoneMarks = (before: Date, max: number) =>
  pruneOldest(JobCursor, { _id: { $regex: /^digests:/ } }, 'through', before, max);
