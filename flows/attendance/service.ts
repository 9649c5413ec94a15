import type { DateTime } from 'luxon';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { AttendanceDay, type AttendanceDayDoc, dayKey } from '../../db/models/attendance-day.js';
import { type AttendanceMonthDoc, monthKey, monthRollups } from '../../db/models/attendance-month.js';
import { changeVersioned } from '../../db/versioned.js';
import { dayOf } from './days.js';
import type { DayResult, MonthTotals } from './evaluate.js';
import { scheduledPerson } from './person.js';
import { daysOf, entryOf, judge, monthTotals, refreshMonths } from './rollup.js';
import { expectedHours, loadSchedules, type ScheduledPerson } from './schedule.js';

export type Punch =
  | { kind: 'checked-in' | 'checked-out'; day: DayResult }
  | { kind: 'already'; day: DayResult }
  | { kind: 'no-check-in'; date: string };

/** After a write to a day: its month's rollup follows, and the day is judged as now stored. */
async function written(p: ScheduledPerson, date: string, now: DateTime): Promise<DayResult> {
  const truth = (await refreshMonths(p, [date], now.toJSDate())).get(date) ?? {};
  return judge(entryOf(date, truth), date, p, (await loadSchedules())(p), now);
}

/**
 * Checks in for the employee's local day. Inserting the day (`<employee>:<date>`) is the check-in:
 * of racing check-ins one inserts, the others hit the duplicate key. A day that exists without a
 * check-in (marked absent — a very late arrival —, on leave, or made up with only a check-out)
 * gets it under a version claim; one that has one is reported as it is, nothing written.
 */
export async function checkIn(employeeId: string, now: DateTime, note = ''): Promise<Punch> {
  const p = await scheduledPerson(employeeId);
  const date = now.setZone(p.timezone).toISODate() as string;
  const at = now.toJSDate();
  const punch = { status: 'present' as const, checkInAt: at, checkInNote: note, leaveRequestId: null };
  try {
    await AttendanceDay.create({ employeeId, date, ...punch });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const late = await changeVersioned<AttendanceDayDoc, 'already'>(
      AttendanceDay,
      'attendance-day',
      dayKey(employeeId, date),
      (day) => (day.checkInAt ? 'already' : punch),
      at,
    );
    if (!late.ok) return { kind: 'already', day: await dayOf(p, date, now) };
  }
  return { kind: 'checked-in', day: await written(p, date, now) };
}

/**
 * Checks out of today's record; the latest check-out wins (leaving, coming back, leaving again).
 * Just after midnight, before today's schedule starts, an open record from yesterday is closed
 * instead — a late evening still belongs to the day it started on.
 */
export async function checkOut(employeeId: string, now: DateTime, note = ''): Promise<Punch> {
  const p = await scheduledPerson(employeeId);
  const local = now.setZone(p.timezone);
  const today = local.toISODate() as string;
  const candidates = [today];
  const schedule = (await loadSchedules())(p);
  if (local < expectedHours(schedule, today, p.timezone).start) {
    candidates.push(local.minus({ days: 1 }).toISODate() as string);
  }
  for (const date of candidates) {
    const closed = await changeVersioned<AttendanceDayDoc, 'not-open'>(
      AttendanceDay,
      'attendance-day',
      dayKey(employeeId, date),
      (day) =>
        !day.checkInAt || (date !== today && day.checkOutAt)
          ? 'not-open'
          : { checkOutAt: now.toJSDate(), checkOutNote: note },
      now.toJSDate(),
    );
    if (closed.ok) return { kind: 'checked-out', day: await written(p, date, now) };
  }
  return { kind: 'no-check-in', date: today };
}

export type MonthView = { month: string; today?: DayResult; days: DayResult[]; totals: MonthTotals };

/**
 * Today and a month (the current one by default), each day judged in the employee's zone: one
 * point read of the month's rollup (and two for today when another month is shown).
 */
export async function monthOf(employeeId: string, now: DateTime, month?: string): Promise<MonthView> {
  const p = await scheduledPerson(employeeId);
  const local = now.setZone(p.timezone);
  const first = month ? local.set({ year: +month.slice(0, 4), month: +month.slice(5, 7), day: 1 }) : local;
  const from = first.startOf('month').toISODate() as string;
  const to = first.endOf('month').toISODate() as string;
  const shown = from.slice(0, 7);
  const doc = await monthRollups(shown).findById(monthKey(p.id, shown)).lean<AttendanceMonthDoc>();
  const schedule = (await loadSchedules())(p);
  const days = daysOf(p, new Map(doc ? [[doc._id, doc]] : []), from, to, schedule, now);
  const today = local.toISODate() as string;
  return {
    month: shown,
    today: days.find((d) => d.date === today) ?? (await dayOf(p, today, now)),
    // future days say nothing yet: the list and the totals stop at today
    days: days.filter((d) => d.date <= today),
    totals: monthTotals(doc ?? undefined, shown, schedule, today),
  };
}
