// Per employee-month rollups (db/models/attendance-month.ts): written after every attendance write,
// read by the month view, team views, the digest and the month report, rebuilt by a recount.
import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { insertNew } from '../../db/insert-new.js';
import { AttendanceDay, type AttendanceDayDoc, dayKey } from '../../db/models/attendance-day.js';
import {
  AttendanceMonth,
  type AttendanceMonthDoc,
  decodeDays,
  encodeDays,
  type MonthEntry,
  monthKey,
} from '../../db/models/attendance-month.js';
import { LeaveDay, type LeaveDayDoc } from '../../db/models/leave-day.js';
import { findByIds, inParallel } from '../../db/point-reads.js';
import { changeVersioned } from '../../db/versioned.js';
import { readDirectory } from '../org/index.js';
import {
  countsOf,
  type DayCounts,
  type DayResult,
  evaluateDay,
  hoursOf,
  type MonthTotals,
} from './evaluate.js';
import {
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
export async function readTruth(employeeId: string, dates: string[]): Promise<Map<string, Truth>> {
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

function byMonth(dates: string[]): Map<string, string[]> {
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
  dates: string[],
  now: Date,
): Promise<Map<string, Truth>> {
  const schedule = (await loadSchedules())(p);
  const truth = new Map<string, Truth>();
  for (const [month, inMonth] of byMonth(dates)) {
    await changeVersioned<AttendanceMonthDoc, 'unchanged'>(
      AttendanceMonth,
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
  const out: string[] = [];
  for (
    let m = DateTime.fromISO(from).startOf('month');
    (m.toISODate() as string) <= to;
    m = m.plus({ months: 1 })
  )
    out.push(m.toFormat('yyyy-MM'));
  return out;
}

/** People's rollups for the months a date range touches: one point read per person and month. */
export async function readMonths(
  ids: string[],
  from: string,
  to: string,
): Promise<Map<string, AttendanceMonthDoc>> {
  const months = monthsBetween(from, to);
  return findByIds<AttendanceMonthDoc>(
    AttendanceMonth,
    ids.flatMap((id) => months.map((m) => monthKey(id, m))),
  );
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
  const add = (employeeId: string, date: string, part: Truth) => {
    const key = monthKey(employeeId, date.slice(0, 7));
    const group = groups.get(key) ?? { employeeId, month: date.slice(0, 7), truth: new Map() };
    group.truth.set(date, { ...group.truth.get(date), ...part });
    groups.set(key, group);
  };
  for await (const day of AttendanceDay.find(range).lean<AttendanceDayDoc[]>().cursor())
    add(String(day.employeeId), day.date, { day: day as AttendanceDayDoc });
  for await (const leave of LeaveDay.find(range).lean<LeaveDayDoc[]>().cursor())
    add(String(leave.employeeId), leave.date, { leave: leave as LeaveDayDoc });
  const stored = new Map(
    (await AttendanceMonth.find(month ? { month } : {}).lean<AttendanceMonthDoc[]>()).map((m) => [m._id, m]),
  );
  for (const m of stored.values()) {
    if (!groups.has(m._id))
      groups.set(m._id, { employeeId: String(m.employeeId), month: m.month, truth: new Map() });
  }
  const org = await readDirectory();
  const scheduleOf = await loadSchedules();
  const fresh: AttendanceMonthDoc[] = [];
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
    if (!old) fresh.push(body);
    else if (old.days !== body.days || !sameCounts(old.totals, body.totals)) changed.push(body);
  }
  for (let i = 0; i < fresh.length; i += 1000) {
    const batch = fresh.slice(i, i + 1000);
    // one created meanwhile by a write is counted again with the changed ones
    const inserted = new Set((await insertNew(AttendanceMonth, batch)).map((d) => d._id));
    changed.push(...batch.filter((b) => !inserted.has(b._id)));
  }
  await inParallel(changed, (body) =>
    changeVersioned<AttendanceMonthDoc, never>(
      AttendanceMonth,
      'attendance-month',
      body._id,
      () => ({ days: body.days, totals: body.totals }),
      now,
      { initial: () => emptyMonth(String(body.employeeId), body.month) },
    ),
  );
  return { rollups: groups.size, rewritten: fresh.length + changed.length };
}

const sameCounts = (a: DayCounts, b: DayCounts) =>
  (Object.keys(ZERO) as (keyof DayCounts)[]).every((k) => (a?.[k] ?? 0) === b[k]);
