import { DateTime } from 'luxon';
import { expectedHours, type Half, isWorkday, type Schedule } from './schedule.js';
import { zoneOf } from './zones.js';

export type DayRecord = {
  status: 'present' | 'absent' | 'leave';
  checkInAt?: Date | null;
  checkOutAt?: Date | null;
  /** A make-up punch (补卡) was applied to the day. */
  madeUp?: boolean;
};

export type DayStatus = 'present' | 'absent' | 'leave' | 'rest' | 'pending' | 'none';

export type DayResult = {
  date: string;
  workday: boolean;
  status: DayStatus;
  leave?: Half;
  checkIn?: DateTime;
  checkOut?: DateTime;
  late: boolean;
  earlyLeave: boolean;
  minutesWorked: number;
  madeUp: boolean;
};

/**
 * One local day, judged on read so that a leave approved afterwards changes late/early at once.
 * `absent` is only what the end-of-day job marked; an ended workday it has not reached yet is
 * `none`, and today before the end of the schedule is `pending`.
 */
export function evaluateDay(input: {
  date: string;
  tz: string;
  schedule: Schedule;
  record?: DayRecord | null;
  leave?: Half;
  now: DateTime;
}): DayResult {
  const { date, tz, schedule, record, leave, now } = input;
  const workday = isWorkday(schedule, date);
  const expected = expectedHours(schedule, date, tz, leave);
  // compared as milliseconds, and built without spreading: a report judges tens of thousands of
  // days, and luxon's arithmetic and the copies would dominate it
  const inMs = record?.checkInAt?.getTime();
  const outMs = record?.checkOutAt?.getTime();
  const zone = zoneOf(tz);
  const day = (status: DayStatus, late: boolean, earlyLeave: boolean, minutesWorked: number): DayResult => ({
    date,
    workday,
    status,
    leave,
    checkIn: inMs === undefined ? undefined : DateTime.fromMillis(inMs, { zone }),
    checkOut: outMs === undefined ? undefined : DateTime.fromMillis(outMs, { zone }),
    late,
    earlyLeave,
    minutesWorked,
    madeUp: record?.madeUp ?? false,
  });
  if (inMs !== undefined) {
    const judged = workday && leave !== 'full';
    return day(
      'present',
      judged && inMs > expected.start.toMillis() + schedule.graceMinutes * 60_000,
      judged && outMs !== undefined && outMs < expected.end.toMillis(),
      outMs !== undefined && outMs > inMs ? Math.round((outMs - inMs) / 60_000) : 0,
    );
  }
  if (!workday) return day('rest', false, false, 0);
  if (leave === 'full') return day('leave', false, false, 0);
  if (record?.status === 'absent') return day('absent', false, false, 0);
  return day(now < expected.end ? 'pending' : 'none', false, false, 0);
}

export type MonthTotals = {
  workdays: number;
  present: number;
  late: number;
  earlyLeave: number;
  absent: number;
  leaveDays: number;
  hours: number;
};

/** What a month's rollup stores (db/models/attendance-month.ts): the days' counts, in minutes. */
export type DayCounts = Omit<MonthTotals, 'workdays' | 'hours'> & { minutes: number };

/** Counts of judged days; half-day leave on a workday counts 0.5. */
export function countsOf(days: DayResult[]): DayCounts {
  const c: DayCounts = { present: 0, late: 0, earlyLeave: 0, absent: 0, leaveDays: 0, minutes: 0 };
  for (const d of days) {
    if (d.status === 'present') c.present++;
    if (d.late) c.late++;
    if (d.earlyLeave) c.earlyLeave++;
    if (d.status === 'absent') c.absent++;
    if (d.workday && d.leave) c.leaveDays += d.leave === 'full' ? 1 : 0.5;
    c.minutes += d.minutesWorked;
  }
  return c;
}

/** Hours to one decimal, from whole minutes (summing fractions of hours would round unevenly). */
export const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;

/** Month figures from day results. */
export function totalsOf(days: DayResult[]): MonthTotals {
  const { minutes, ...counts } = countsOf(days);
  return { workdays: days.filter((d) => d.workday).length, ...counts, hours: hoursOf(minutes) };
}
