import { DateTime } from 'luxon';
import { monthKey } from '../../db/models/attendance-month.js';
import { readDirectory } from '../org/api.js';
import type { DayResult, MonthTotals } from './evaluate.js';
import { daysOf, monthTotals, readMonths } from './rollup.js';
import { loadSchedules } from './schedule.js';

export type ReportPerson = { id: string; email: string; name: string; department: string; timezone: string };

/** Everyone (of a department) from the directory, active or not — they were employed that month. */
async function employees(department: string | undefined): Promise<ReportPerson[]> {
  return (await readDirectory())
    .all()
    .filter((e) => department === undefined || e.department === department)
    .map((e) => ({
      id: String(e._id),
      email: e.email,
      name: e.name,
      department: e.department,
      timezone: e.timezone,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

const monthRange = (month: string) => {
  const first = DateTime.fromFormat(month, 'yyyy-MM', { zone: 'utc' });
  return { from: first.toISODate() as string, to: first.endOf('month').toISODate() as string };
};

/**
 * Every employee's days of a month (up to their own today), from the month's rollups: one pass
 * over them (db/models/attendance-month.ts), so time grows with the head count, never with the
 * years of history.
 * @example for await (const { person, days } of monthDays('2026-11', undefined, now)) …
 */
export async function* monthDays(
  month: string,
  department: string | undefined,
  now: DateTime,
): AsyncGenerator<{ person: ReportPerson; days: DayResult[] }> {
  const { from, to } = monthRange(month);
  const [people, scheduleOf] = await Promise.all([employees(department), loadSchedules()]);
  const months = await readMonths(
    people.map((p) => p.id),
    from,
    to,
  );
  for (const person of people) {
    const today = now.setZone(person.timezone).toISODate() as string;
    const days = daysOf(person, months, from, to, scheduleOf(person), now);
    yield { person, days: days.filter((d) => d.date <= today) };
  }
}

export const CSV_HEADER = [
  'date',
  'email',
  'name',
  'department',
  'workday',
  'status',
  'check_in',
  'check_out',
  'hours',
  'late',
  'early_leave',
  'leave',
  'made_up',
];

/** 'HH:mm', without luxon's formatter (slow, and called twice per row of a 30,000-row report). */
const hhmm = (t: DateTime | undefined) =>
  t ? `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}` : '';

export function csvRow(person: ReportPerson, d: DayResult): string[] {
  return [
    d.date,
    person.email,
    person.name,
    person.department,
    d.workday ? 'yes' : 'no',
    d.status,
    hhmm(d.checkIn),
    hhmm(d.checkOut),
    (d.minutesWorked / 60).toFixed(2),
    d.late ? 'yes' : 'no',
    d.earlyLeave ? 'yes' : 'no',
    d.leave ?? '',
    d.madeUp ? 'yes' : 'no',
  ];
}

// the exports' one CSV writer, guarded against formulas (src/csv-export.ts)
export { csvLine } from '../../src/csv-export.js';

export type SummaryRow = Omit<ReportPerson, 'id' | 'timezone'> & MonthTotals;

/** Each employee's month figures up to their today, straight from the rollups' counts. */
export async function monthSummary(month: string, department: string | undefined, now: DateTime) {
  const { from, to } = monthRange(month);
  const [people, scheduleOf] = await Promise.all([employees(department), loadSchedules()]);
  const months = await readMonths(
    people.map((p) => p.id),
    from,
    to,
  );
  const rows: SummaryRow[] = people.map((p) => {
    const today = now.setZone(p.timezone).toISODate() as string;
    const totals = monthTotals(months.get(monthKey(p.id, month)), month, scheduleOf(p), today);
    return { email: p.email, name: p.name, department: p.department, ...totals };
  });
  return { month, employees: rows };
}
