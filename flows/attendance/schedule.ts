import { DateTime } from 'luxon';
import { z } from 'zod';
import { RELOAD } from '../../db/change-feed.js';
import { WorkSchedule, type WorkScheduleDoc } from '../../db/models/work-schedule.js';
import { createSyncedCache } from '../../db/synced-cache.js';
import type { CacheSpec } from '../../src/bot/flow.js';
import { AppError } from '../../src/errors.js';
import { dayKind } from './calendar.js';
import { zoneOf } from './zones.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const scheduleSchema = z.object({
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1),
  start: hhmm,
  end: hhmm,
  graceMinutes: z.number().int().min(0).max(240),
  calendar: z.string(),
});
export type Schedule = z.infer<typeof scheduleSchema>;
export const schedulePatch = scheduleSchema.partial();

/**
 * The company default. Times are always read in the employee's own timezone (Employee.timezone,
 * which defaults to Asia/Shanghai), so a Los Angeles employee's 09:00 is 09:00 in Los Angeles.
 */
export const COMPANY_SCHEDULE: Schedule = scheduleSchema.parse({
  weekdays: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '18:00',
  graceMinutes: 10,
  calendar: 'CN',
});

export type ScheduledPerson = { id: string; department: string; timezone: string };

/**
 * The overrides, in memory: a check-in reads them on every turn. They are few and change rarely,
 * so any change reloads them all, on every instance (db/synced-cache.ts).
 */
const overrides = createSyncedCache<WorkScheduleDoc[]>({
  feed: 'schedules',
  load: () => WorkSchedule.find({}).lean<WorkScheduleDoc[]>(),
  // every change is a reload: there is nothing to apply one by one
  apply: async () => {},
});

export const schedulesCache: CacheSpec = { name: 'schedules', start: overrides.start, stop: overrides.stop };

/**
 * A resolver for many people, without a query: employee override, then department, then company.
 * @example const scheduleOf = await loadSchedules(); scheduleOf({ id, department: 'Sales', timezone })
 */
export async function loadSchedules(): Promise<(p: ScheduledPerson) => Schedule> {
  const rows = await overrides.read();
  const pick = (scope: string, key: string) => {
    const row = rows.find((r) => r.scope === scope && r.key === key);
    if (!row) return {};
    const { weekdays, start, end, graceMinutes, calendar } = row;
    return Object.fromEntries(
      Object.entries({ weekdays, start, end, graceMinutes, calendar }).filter(([, v]) => v != null),
    );
  };
  return (p) => ({ ...COMPANY_SCHEDULE, ...pick('department', p.department), ...pick('employee', p.id) });
}

/** Sets (or replaces) an override; validated, so a bad time never reaches the rules. */
export async function setSchedule(
  scope: 'department' | 'employee',
  key: string,
  patch: z.infer<typeof schedulePatch>,
  at: Date,
): Promise<void> {
  const data = schedulePatch.parse(patch);
  await WorkSchedule.updateOne({ scope, key }, { $set: data }, { upsert: true });
  await overrides.publish(RELOAD, at);
}

/**
 * Both below are pure and called once per employee-day by the reports (31,000 times for a month of
 * 1,000 people); luxon's zone maths dominates that, so results are memoised per distinct input.
 */
const memo = new Map<string, unknown>();
function remember<T>(key: string, compute: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  if (memo.size > 50_000) memo.clear(); // bounded: keys are (schedule, date, zone) combinations
  const value = compute();
  memo.set(key, value);
  return value;
}

/** Workday per the weekly pattern, with the calendar's holidays off and make-up days (调休) on. */
export function isWorkday(schedule: Schedule, date: string): boolean {
  return remember(`w|${schedule.calendar}|${schedule.weekdays.join()}|${date}`, () => {
    const special = dayKind(schedule.calendar, date);
    if (special.kind === 'holiday') return false;
    if (special.kind === 'makeup') return true;
    return schedule.weekdays.includes(DateTime.fromISO(date).weekday);
  });
}

export type Half = 'full' | 'am' | 'pm';

/**
 * Expected start and end of a local day. A morning off moves the start to mid-day, an afternoon
 * off moves the end there (mid-day = halfway between start and end).
 */
export function expectedHours(
  schedule: Schedule,
  date: string,
  tz: string,
  leave?: Half,
): { start: DateTime; end: DateTime } {
  // DateTime is immutable, so sharing one instance between callers is safe
  return remember(`h|${schedule.start}|${schedule.end}|${date}|${tz}|${leave ?? ''}`, () => {
    const at = (hm: string) => DateTime.fromISO(`${date}T${hm}`, { zone: zoneOf(tz) });
    const start = at(schedule.start);
    const end = at(schedule.end);
    const mid = start.plus({ milliseconds: end.diff(start).toMillis() / 2 });
    return { start: leave === 'am' ? mid : start, end: leave === 'pm' ? mid : end };
  });
}

/** Combines several leave rows for one day: a morning and an afternoon make a full day. */
export function mergeHalves(halves: Half[]): Half | undefined {
  if (halves.length === 0) return undefined;
  if (halves.includes('full')) return 'full';
  const set = new Set(halves);
  return set.size === 2 ? 'full' : halves[0];
}

const DAY_MS = 86_400_000;

/**
 * The longest range any caller walks (a report's month, a leave, a catch-up are far shorter).
 * Longer is a typo or an attack that would block the event loop: refused, never iterated.
 */
export const MAX_RANGE_DAYS = 3660;

/** Refuses a range longer than MAX_RANGE_DAYS before anything loops over it. */
export function assertRangeSpan(from: number, to: number): void {
  if ((to - from) / DAY_MS > MAX_RANGE_DAYS)
    throw new AppError('attendance.range_too_long', `date range over ${MAX_RANGE_DAYS} days`);
}

/**
 * Every 'YYYY-MM-DD' from `from` to `to` inclusive (calendar arithmetic: no zone involved). A
 * report asks for the same month once per person, so the list is shared: never change it.
 * Compared as instants, never as strings: the day after 9999-12-31 is '+010000-01-01', which
 * sorts before it.
 */
export function datesBetween(from: string, to: string): readonly string[] {
  return remember(`d|${from}|${to}`, () => {
    const out: string[] = [];
    const first = Date.parse(`${from}T00:00:00Z`);
    const last = Date.parse(`${to}T00:00:00Z`);
    if (Number.isNaN(first) || Number.isNaN(last)) return out;
    assertRangeSpan(first, last);
    for (let t = first; t <= last; t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
    return Object.freeze(out);
  });
}
