// Per employee-month rollups (db/models/attendance-month.ts): written after every attendance write,
// read by the month view, team views, the digest and the month report, rebuilt by a recount.
import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { insertNew } from '../../db/insert-new.js';
import { AttendanceDay, type AttendanceDayDoc, dayKey } from '../../db/models/attendance-day.js';
import {
  type AttendanceMonthDoc,
  decodeDays,
  encodeDays,
  MONTH_COLLECTION,
  type MonthEntry,
  monthKey,
  monthRollups,
} from '../../db/models/attendance-month.js';
import { LeaveDay, type LeaveDayDoc } from '../../db/models/leave-day.js';
import { findByIds, inParallel } from '../../db/point-reads.js';
import { changeVersioned } from '../../db/versioned.js';
import { readDirectory } from '../org/api.js';
import {
  countsOf,
  type DayCounts,
  type DayResult,
  evaluateDay,
  hoursOf,
  type MonthTotals,
} from './evaluate.js';
import {
  assertRangeSpan,
  datesBetween,
  type Half,
  isWorkday,
  loadSchedules,
  mergeHalves,
  type Schedule,
  type ScheduledPerson,
} from './schedule.js';

/** What is stored for one date: the day and the leave document, either may be missing. */
export type Truth = { day?: AttendanceDayDoc; leave?: LeaveDayDoc };

const ZERO: DayCounts = { present: 0, late: 0, earlyLeave: 0, absent: 0, leaveDays: 0, minutes: 0 };

/** A date's line in the rollup, or null when nothing is stored for it. */
export function entryOf(date: string, truth: Truth): MonthEntry | null {
  const leave = mergeHalves((truth.leave?.parts ?? []).map((p) => p.half as Half)) ?? null;
  const { day } = truth;
  if (!day && !leave) return null;
  return {
    date,
    status: (day?.status as MonthEntry['status']) ?? null,
    checkInAt: day?.checkInAt ?? null,
    checkOutAt: day?.checkOutAt ?? null,
    madeUp: (day?.madeUpBy?.length ?? 0) > 0,
    leave,
  };
}

/** A date judged at `now`; a date with nothing stored is a day off, pending or without a record. */
export function judge(
  entry: MonthEntry | null | undefined,
  date: string,
  p: ScheduledPerson,
  schedule: Schedule,
  now: DateTime,
): DayResult {
  const record = entry?.status
    ? { status: entry.status, checkInAt: entry.checkInAt, checkOutAt: entry.checkOutAt, madeUp: entry.madeUp }
    : undefined;
  return evaluateDay({ date, tz: p.timezone, schedule, record, leave: entry?.leave ?? undefined, now });
}

/** Counting never depends on the moment of judging: only pending and none do, and they count nowhere. */
const ANY_MOMENT = DateTime.fromMillis(0);

/** What a rollup stores for these entries: them, in date order, and their counts. */
function rollupOf(entries: MonthEntry[], p: ScheduledPerson, schedule: Schedule) {
  const days = entries.toSorted((a, b) => (a.date < b.date ? -1 : 1));
  return {
    days: encodeDays(days),
    totals: countsOf(days.map((e) => judge(e, e.date, p, schedule, ANY_MOMENT))),
  };
}

/** The day and leave documents of some dates, by `_id`. */
export async function readTruth(employeeId: string, dates: readonly string[]): Promise<Map<string, Truth>> {
  const keys = dates.map((d) => dayKey(employeeId, d));
  const [days, leaves] = await Promise.all([
    findByIds<AttendanceDayDoc>(AttendanceDay, keys),
    findByIds<LeaveDayDoc>(LeaveDay, keys),
  ]);
  return new Map(
    dates.map((d) => [d, { day: days.get(dayKey(employeeId, d)), leave: leaves.get(dayKey(employeeId, d)) }]),
  );
}

const emptyMonth = (employeeId: string, month: string): AttendanceMonthDoc => ({
  _id: monthKey(employeeId, month),
  employeeId: new mongoose.Types.ObjectId(employeeId),
  month,
  days: '',
  totals: ZERO,
  version: 0,
  updatedAt: null,
});

const sameEntry = (e: MonthEntry | null | undefined) =>
  e ? [e.date, e.status, e.checkInAt?.getTime(), e.checkOutAt?.getTime(), e.madeUp, e.leave].join('|') : '';

function byMonth(dates: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of dates) out.set(d.slice(0, 7), [...(out.get(d.slice(0, 7)) ?? []), d]);
  return out;
}

/**
 * Brings the rollups of `dates` up to date after a write to them, and returns what is stored for
 * each date. The day and leave documents are read inside the versioned change, after the
 * rollup itself: of two racing writers the one that commits last read both writes, so the
 * rollup ends as the documents are.
 */
export async function refreshMonths(
  p: ScheduledPerson,
  dates: readonly string[],
  now: Date,
): Promise<Map<string, Truth>> {
  const schedule = (await loadSchedules())(p);
  const truth = new Map<string, Truth>();
  for (const [month, inMonth] of byMonth(dates)) {
    await changeVersioned<AttendanceMonthDoc, 'unchanged'>(
      monthRollups(month),
      'attendance-month',
      monthKey(p.id, month),
      async (doc) => {
        const read = await readTruth(p.id, inMonth);
        for (const [date, t] of read) truth.set(date, t);
        const stored = decodeDays(month, doc.days);
        const fresh = inMonth.map((d) => entryOf(d, read.get(d) ?? {}));
        const old = inMonth.map((d) => stored.find((e) => e.date === d));
        if (fresh.every((e, i) => sameEntry(e) === sameEntry(old[i]))) return 'unchanged';
        const kept = stored.filter((e) => !inMonth.includes(e.date));
        return rollupOf([...kept, ...fresh.filter((e): e is MonthEntry => e !== null)], p, schedule);
      },
      now,
      { initial: () => emptyMonth(p.id, month) },
    );
  }
  return truth;
}

/** 'YYYY-MM' of every month from `from` to `to` (dates). */
function monthsBetween(from: string, to: string): string[] {
  const first = DateTime.fromISO(from, { zone: 'utc' }).startOf('month');
  const last = DateTime.fromISO(to, { zone: 'utc' });
  if (!first.isValid || !last.isValid) return [];
  assertRangeSpan(first.toMillis(), last.toMillis());
  const out: string[] = [];
  for (let m = first; m <= last; m = m.plus({ months: 1 })) out.push(m.toFormat('yyyy-MM'));
  return out;
}

/**
 * Past this many people, reading a month's whole collection at once is cheaper than a point read
 * each (a pass over one rollup costs about a tenth of a point read; a company has more people than
 * any one view asks for, so the pass wins from a few hundred on).
 */
const PASS_FROM = 200;

/**
 * People's rollups for the months a date range touches: a point read per person and month, or
 * for many people one pass over each month's collection — either way independent of the history.
 */
export async function readMonths(
  ids: string[],
  from: string,
  to: string,
): Promise<Map<string, AttendanceMonthDoc>> {
  const found = new Map<string, AttendanceMonthDoc>();
  for (const month of monthsBetween(from, to)) {
    const keys = ids.map((id) => monthKey(id, month));
    if (keys.length < PASS_FROM) {
      for (const [k, doc] of await findByIds<AttendanceMonthDoc>(monthRollups(month), keys))
        found.set(k, doc);
      continue;
    }
    const wanted = new Set(keys);
    for (const doc of await everyRollup(month)) if (wanted.has(doc._id)) found.set(doc._id, doc);
  }
  return found;
}

/** A person's days from `from` to `to`, judged at `now`, from rollups read by `readMonths`. */
export function daysOf(
  p: ScheduledPerson,
  months: Map<string, AttendanceMonthDoc>,
  from: string,
  to: string,
  schedule: Schedule,
  now: DateTime,
): DayResult[] {
  const entries = new Map<string, MonthEntry>();
  for (const m of monthsBetween(from, to)) {
    for (const e of decodeDays(m, months.get(monthKey(p.id, m))?.days ?? '')) entries.set(e.date, e);
  }
  return datesBetween(from, to).map((date) => judge(entries.get(date), date, p, schedule, now));
}

/**
 * A month's figures up to `today` (the person's date) from its rollup: the stored counts, plus
 * the workdays so far (the calendar) — and, while the month runs, only the leave taken so far.
 */
export function monthTotals(
  doc: AttendanceMonthDoc | undefined,
  month: string,
  schedule: Schedule,
  today: string,
): MonthTotals {
  const first = `${month}-01`;
  const last = DateTime.fromISO(first).endOf('month').toISODate() as string;
  const through = today < last ? today : last;
  const counts = doc?.totals ?? ZERO;
  const leaveSoFar = decodeDays(month, doc?.days ?? '')
    .filter((e) => e.leave && e.date <= through && isWorkday(schedule, e.date))
    .reduce((sum, e) => sum + (e.leave === 'full' ? 1 : 0.5), 0);
  return {
    workdays: datesBetween(first, through).filter((d) => isWorkday(schedule, d)).length,
    present: counts.present,
    late: counts.late,
    earlyLeave: counts.earlyLeave,
    absent: counts.absent,
    leaveDays: through === last ? counts.leaveDays : leaveSoFar,
    hours: hoursOf(counts.minutes),
  };
}

/**
 * Rebuilds the rollups of one month (or of all) from the day and leave documents: a repair after
 * a crash between a write and its rollup, or after a schedule change (counts are judged when
 * written). Reads the three collections once; writes only rollups that differ — new ones in
 * batches, changed ones under their version claim — and empties those with nothing behind them.
 * A write to a person's month while this runs may be overwritten by the older read: run it again.
 */
export async function recountMonths(
  now: Date,
  month?: string,
): Promise<{ rollups: number; rewritten: number }> {
  const range = month ? { date: { $gte: `${month}-01`, $lte: `${month}-31` } } : {};
  const groups = new Map<string, { employeeId: string; month: string; truth: Map<string, Truth> }>();
  const add = (employeeId: string, m: string, date?: string, part?: Truth) => {
    const key = monthKey(employeeId, m);
    const group = groups.get(key) ?? { employeeId, month: m, truth: new Map() };
    if (date && part) group.truth.set(date, { ...group.truth.get(date), ...part });
    groups.set(key, group);
  };
  for await (const day of AttendanceDay.find(range).lean<AttendanceDayDoc[]>().cursor())
    add(String(day.employeeId), day.date.slice(0, 7), day.date, { day: day as AttendanceDayDoc });
  for await (const leave of LeaveDay.find(range).lean<LeaveDayDoc[]>().cursor())
    add(String(leave.employeeId), leave.date.slice(0, 7), leave.date, { leave: leave as LeaveDayDoc });
  const stored = new Map<string, AttendanceMonthDoc>();
  for (const m of month ? [month] : await monthsStored()) {
    for (const doc of await everyRollup(m)) {
      stored.set(doc._id, doc);
      add(String(doc.employeeId), m); // one with nothing behind it any more is emptied
    }
  }
  const org = await readDirectory();
  const scheduleOf = await loadSchedules();
  const fresh = new Map<string, AttendanceMonthDoc[]>();
  const changed: AttendanceMonthDoc[] = [];
  for (const [key, g] of groups) {
    const e = org.byId(g.employeeId);
    // someone no longer in the directory keeps their rollup, judged by the company defaults
    const p = { id: g.employeeId, department: e?.department ?? '', timezone: e?.timezone ?? 'Asia/Shanghai' };
    const entries = [...g.truth.entries()].flatMap(([date, t]) => entryOf(date, t) ?? []);
    const body = {
      ...emptyMonth(g.employeeId, g.month),
      ...rollupOf(entries, p, scheduleOf(p)),
      updatedAt: now,
    };
    const old = stored.get(key);
    if (!old) fresh.set(g.month, [...(fresh.get(g.month) ?? []), body]);
    else if (old.days !== body.days || !sameCounts(old.totals, body.totals)) changed.push(body);
  }
  let created = 0;
  for (const [m, docs] of fresh) {
    for (let i = 0; i < docs.length; i += 1000) {
      const batch = docs.slice(i, i + 1000);
      // one a write created meanwhile is rewritten with the changed ones
      const inserted = new Set((await insertNew(monthRollups(m), batch)).map((d) => d._id));
      created += inserted.size;
      changed.push(...batch.filter((b) => !inserted.has(b._id)));
    }
  }
  await inParallel(changed, (body) =>
    changeVersioned<AttendanceMonthDoc, never>(
      monthRollups(body.month),
      'attendance-month',
      body._id,
      () => ({ days: body.days, totals: body.totals }),
      now,
      { initial: () => emptyMonth(String(body.employeeId), body.month) },
    ),
  );
  return { rollups: groups.size, rewritten: created + changed.length };
}

/** A month's rollups, read with the driver as stored (mongoose's own work doubles a big read). */
const everyRollup = async (month: string) =>
  (await monthRollups(month).collection.find({}).toArray()) as unknown as AttendanceMonthDoc[];

/** Every month that has a rollup collection. */
async function monthsStored(): Promise<string[]> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  const names = await db.listCollections({}, { nameOnly: true }).toArray();
  return names.flatMap((c) => {
    const m = MONTH_COLLECTION.exec(c.name);
    return m ? [`${m[1]}-${m[2]}`] : [];
  });
}

const sameCounts = (a: DayCounts, b: DayCounts) =>
  (Object.keys(ZERO) as (keyof DayCounts)[]).every((k) => (a?.[k] ?? 0) === b[k]);
