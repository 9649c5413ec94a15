import { DateTime } from 'luxon';
import { expectedHours, isWorkday, type Schedule } from './schedule.js';
import { zoneOf } from './zones.js';

const HOUR_MS = 3_600_000;
/** Days walked before giving up: a schedule with no workday for a year has no working hours to add. */
const MAX_DAYS = 400;

/** The person's working day around `date` (their zone), or null on a day off. */
function workingSpan(schedule: Schedule, tz: string, date: string): { start: number; end: number } | null {
  if (!isWorkday(schedule, date)) return null;
  const { start, end } = expectedHours(schedule, date, tz);
  return { start: start.toMillis(), end: end.toMillis() };
}

/** Local days from the one holding `from` (at most MAX_DAYS), with the instant each begins. */
function* daysFrom(from: Date, tz: string): Generator<{ date: string; begins: number }> {
  let day = DateTime.fromJSDate(from, { zone: zoneOf(tz) }).startOf('day');
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 }))
    yield { date: day.toISODate() ?? '', begins: day.toMillis() };
}

/**
 * Working hours between two instants in a person's schedule and zone: only their workdays
 * (weekly pattern, the calendar's holidays and make-up days), only between start and end.
 * @example workingHoursBetween(COMPANY_SCHEDULE, 'Asia/Shanghai', fri17h, mon10h) // 2
 */
export function workingHoursBetween(schedule: Schedule, tz: string, from: Date, to: Date): number {
  let ms = 0;
  for (const { date, begins } of daysFrom(from, tz)) {
    if (begins >= to.getTime()) break;
    const span = workingSpan(schedule, tz, date);
    if (span) ms += Math.max(0, Math.min(span.end, to.getTime()) - Math.max(span.start, from.getTime()));
  }
  return ms / HOUR_MS;
}

/**
 * The instant `hours` working hours after `from` in a person's schedule and zone; time outside
 * their working day does not count (a deadline never falls in a night or on a holiday).
 * @example addWorkingHours(COMPANY_SCHEDULE, 'Asia/Shanghai', fri17h, 2) // Monday 10:00
 */
export function addWorkingHours(schedule: Schedule, tz: string, from: Date, hours: number): Date {
  let left = hours * HOUR_MS;
  let last = from.getTime();
  for (const { date } of daysFrom(from, tz)) {
    const span = workingSpan(schedule, tz, date);
    if (!span || span.end <= from.getTime()) continue;
    const start = Math.max(span.start, from.getTime());
    if (span.end - start >= left) return new Date(start + left);
    left -= span.end - start;
    last = span.end;
  }
  return new Date(last + left); // no workdays ahead: count the rest as plain time
}
