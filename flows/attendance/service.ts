import type { DateTime } from 'luxon';
import { AttendanceRecord } from '../../db/models/attendance-record.js';
import { Employee, type EmployeeDoc } from '../../db/models/employee.js';
import { LeaveDay } from '../../db/models/leave-day.js';
import { isDuplicateKey } from '../../db/processed-events.js';
import { AppError } from '../../src/errors.js';
import { loadDays } from './days.js';
import { type DayRecord, type DayResult, evaluateDay, type MonthTotals, totalsOf } from './evaluate.js';
import { expectedHours, type Half, loadSchedules, mergeHalves, type ScheduledPerson } from './schedule.js';

export type Punch =
  | { kind: 'checked-in' | 'checked-out'; day: DayResult }
  | { kind: 'already'; day: DayResult }
  | { kind: 'no-check-in'; date: string };

/** The employee with what schedules need (department, timezone). */
export async function scheduledPerson(employeeId: string): Promise<ScheduledPerson & { name: string }> {
  const doc = await Employee.findById(employeeId, {
    name: 1,
    department: 1,
    timezone: 1,
  }).lean<EmployeeDoc>();
  if (!doc) throw new AppError('attendance.no_employee', `no employee ${employeeId}`);
  return { id: String(doc._id), name: doc.name, department: doc.department, timezone: doc.timezone };
}

/**
 * One day's result. With the record already in hand (just written) only the day's leave is read:
 * on the embedded store every non-_id query scans its collection, so a check-in saves one.
 */
async function dayOf(
  p: ScheduledPerson,
  date: string,
  now: DateTime,
  record?: DayRecord,
): Promise<DayResult> {
  if (!record)
    return (await loadDays([p], date, date, await loadSchedules(), now)).get(p.id)?.[0] as DayResult;
  const [scheduleOf, leaves] = await Promise.all([
    loadSchedules(),
    LeaveDay.find({ employeeId: p.id, date }, { half: 1 }).lean(),
  ]);
  const leave = mergeHalves(leaves.map((l) => l.half as Half));
  return evaluateDay({ date, tz: p.timezone, schedule: scheduleOf(p), record, leave, now });
}

/**
 * Checks in for the employee's local day. The unique (employeeId, date) index decides races: the
 * guarded upsert either claims the day's check-in or hits a duplicate key and reports the existing
 * one, writing nothing. A day the job marked absent (a very late arrival) becomes present.
 */
export async function checkIn(employeeId: string, now: DateTime, note = ''): Promise<Punch> {
  const p = await scheduledPerson(employeeId);
  const date = now.setZone(p.timezone).toISODate() as string;
  let written: DayRecord | null;
  try {
    written = await AttendanceRecord.findOneAndUpdate(
      { employeeId, date, checkInAt: null },
      { $set: { status: 'present', checkInAt: now.toJSDate(), checkInNote: note, leaveRequestId: null } },
      { upsert: true, returnDocument: 'after' },
    ).lean<DayRecord>();
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return { kind: 'already', day: await dayOf(p, date, now) };
  }
  return { kind: 'checked-in', day: await dayOf(p, date, now, written ?? undefined) };
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
    const open = date === today ? {} : { checkOutAt: null };
    const updated = await AttendanceRecord.findOneAndUpdate(
      { employeeId, date, checkInAt: { $ne: null }, ...open },
      { $set: { checkOutAt: now.toJSDate(), checkOutNote: note } },
      { returnDocument: 'after' },
    ).lean<DayRecord>();
    if (updated) return { kind: 'checked-out', day: await dayOf(p, date, now, updated) };
  }
  return { kind: 'no-check-in', date: today };
}

export type MonthView = { month: string; today?: DayResult; days: DayResult[]; totals: MonthTotals };

/** Today and a month (the current one by default), each day judged in the employee's zone. */
export async function monthOf(employeeId: string, now: DateTime, month?: string): Promise<MonthView> {
  const p = await scheduledPerson(employeeId);
  const local = now.setZone(p.timezone);
  const first = month ? local.set({ year: +month.slice(0, 4), month: +month.slice(5, 7), day: 1 }) : local;
  const from = first.startOf('month').toISODate() as string;
  const to = first.endOf('month').toISODate() as string;
  const days = (await loadDays([p], from, to, await loadSchedules(), now)).get(p.id) ?? [];
  const today = local.toISODate() as string;
  // future days say nothing yet: the totals stop at today
  const upToToday = days.filter((d) => d.date <= today);
  return {
    month: from.slice(0, 7),
    today: days.find((d) => d.date === today) ?? (await dayOf(p, today, now)),
    days: upToToday,
    totals: totalsOf(upToToday),
  };
}
