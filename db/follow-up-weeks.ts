import { DateTime } from 'luxon';
import type mongoose from 'mongoose';
import { bulkWriteInSlices } from './bulk-write.js';
import { withLock } from './claims.js';
import { FollowUpWeek } from './models/follow-up-week.js';
import { findByIds } from './point-reads.js';

/**
 * Quarter hours: every zone in use today is a whole number of them away from UTC (Kolkata +5:30,
 * Kathmandu +5:45), so each bucket lies inside one local week wherever the reader is.
 */
const BUCKET_MS = 15 * 60_000;
export const COMPANY = 'company';
/** The embedded store loses one of two concurrent `$inc`s on one document: writers take turns. */
const LOCK = 'crm-follow-up-weeks';

export type Counted = { by?: mongoose.Types.ObjectId | string | null; at: Date };
/** Rollup `_id` → quarter hour of its week (`q<k>`) → how many. */
export type WeekCounts = Map<string, Map<string, number>>;

const WEEK_MS = 7 * 24 * 3_600_000;
/** 5 January 1970, the first Monday after the epoch. */
const FIRST_MONDAY = 4 * 24 * 3_600_000;

/** Which UTC ISO week holds `at`, as a number of weeks: shares the backfill's passes. */
export const weekNumber = (at: Date) => Math.floor((at.getTime() - FIRST_MONDAY) / WEEK_MS);
const weekStart = (at: Date) => FIRST_MONDAY + weekNumber(at) * WEEK_MS;
const weekName = (start: DateTime) => start.toFormat("kkkk-'W'WW");

/** Adds the follow-ups to `into`: under their author's week and the company's. */
export function addUp(entries: readonly Counted[], into: WeekCounts = new Map()): WeekCounts {
  for (const { by, at } of entries) {
    const start = weekStart(at);
    const bucket = `q${Math.floor((at.getTime() - start) / BUCKET_MS)}`;
    const week = weekName(DateTime.fromMillis(start, { zone: 'utc' }));
    for (const who of by ? [String(by), COMPANY] : [COMPANY]) {
      const key = `${who}:${week}`;
      const fields = into.get(key) ?? new Map<string, number>();
      fields.set(bucket, (fields.get(bucket) ?? 0) + 1);
      into.set(key, fields);
    }
  }
  return into;
}

/** Marks a rollup an insert could not add to (`uncounted:<who>:2026-W49`), until a recount. */
const UNCOUNTED = 'uncounted:';

/**
 * Counts follow-ups just inserted. Called once per insert that happened (a retried insert of the
 * same `_id` fails and counts nothing). A count that fails does not fail the insert: the
 * follow-up is written, and failing here would have its writer retry and log it twice. Its rollups
 * are marked instead (best effort: a store that is away takes no mark either), so the trends that
 * read them say they may be short, until the recount
 * (`POST /api/crm/recount`) counts the log again; a crash between the insert and this leaves
 * no mark, the same recount repairs it.
 */
export async function countInserted(entries: readonly Counted[], now: Date): Promise<void> {
  if (entries.length === 0) return;
  const counts = addUp(entries);
  const ops = [...counts].map(([key, fields]) => ({
    updateOne: {
      filter: { _id: key },
      update: { $inc: Object.fromEntries([...fields].map(([q, count]) => [`n.${q}`, count])) },
      upsert: true,
    },
  }));
  try {
    await withLock(LOCK, now, () => bulkWriteInSlices(FollowUpWeek, ops));
  } catch {
    // a mark per rollup: concurrent marks of one are one upsert, and a lost race is fine
    await Promise.allSettled(
      [...counts.keys()].map((key) =>
        FollowUpWeek.updateOne({ _id: UNCOUNTED + key }, { $setOnInsert: { n: {} } }, { upsert: true }),
      ),
    );
  }
}

/** The marks of missed counts (an admin's repair reads them: a scan of the rollup's ids). */
export async function missedMarks(): Promise<string[]> {
  const marks = { $gte: UNCOUNTED, $lt: `${UNCOUNTED.slice(0, -1)};` };
  return (await FollowUpWeek.find({ _id: marks }, { _id: 1 }).lean<{ _id: string }[]>()).map((m) => m._id);
}

/** Drops marks a recount has made good. */
export async function dropMarks(ids: readonly string[]): Promise<void> {
  if (ids.length) await FollowUpWeek.deleteMany({ _id: { $in: ids } });
}

/** Replaces the weeks named in `counts` (a recount), under the writers' lock. */
export async function replaceWeeks(counts: WeekCounts, now: Date): Promise<void> {
  const ops = [...counts].map(([key, fields]) => ({
    replaceOne: {
      filter: { _id: key },
      replacement: { _id: key, n: Object.fromEntries(fields) },
      upsert: true,
    },
  }));
  await withLock(LOCK, now, () => bulkWriteInSlices(FollowUpWeek, ops));
}

/**
 * Follow-ups per bucket start for the authors (or the company) from `from` to before `to`: two
 * point reads per (who, UTC week), its rollup and its mark. A bucket counts when it starts before
 * `to`, so the quarter hour that holds `to` counts whole (live, nothing in it is later than now).
 * `missed`: a count was missed in one of them, so the rows may be short until a recount.
 */
export async function countsBetween(
  who: readonly string[],
  from: DateTime,
  to: DateTime,
): Promise<{ rows: { at: Date; count: number }[]; missed: boolean }> {
  const keys: string[] = [];
  const first = DateTime.fromMillis(weekStart(from.toJSDate()), { zone: 'utc' });
  for (let week = first; week < to; week = week.plus({ weeks: 1 }))
    for (const id of who) keys.push(`${id}:${weekName(week)}`);
  const [docs, marks] = await Promise.all([
    findByIds<{ _id: string; n?: Record<string, number> }>(FollowUpWeek, keys),
    findByIds(
      FollowUpWeek,
      keys.map((key) => UNCOUNTED + key),
      { _id: 1 },
    ),
  ]);
  const rows: { at: Date; count: number }[] = [];
  for (const doc of docs.values()) {
    const start = DateTime.fromISO(doc._id.slice(doc._id.lastIndexOf(':') + 1), { zone: 'utc' });
    for (const [field, count] of Object.entries(doc.n ?? {})) {
      const at = start.plus({ milliseconds: Number(field.slice(1)) * BUCKET_MS });
      if (count > 0 && at >= from && at < to) rows.push({ at: at.toJSDate(), count });
    }
  }
  return { rows, missed: marks.size > 0 };
}
