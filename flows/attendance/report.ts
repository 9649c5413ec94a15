import { DateTime } from 'luxon';
import type { Types } from 'mongoose';
import { monthKey } from '../../db/models/attendance-month.js';
import { Employee, type EmployeeDoc } from '../../db/models/employee.js';
import type { DayResult, MonthTotals } from './evaluate.js';
import { daysOf, monthTotals, readMonths } from './rollup.js';
import { loadSchedules } from './schedule.js';

/** Employees per round trip: memory stays flat however big the company is. */
const BATCH = 1000;

export type ReportPerson = { id: string; email: string; name: string; department: string; timezone: string };

/** Everyone (of a department), active or not — they were employed that month — a batch at a time. */
async function* employees(department: string | undefined): AsyncGenerator<ReportPerson[]> {
  const filter = department === undefined ? {} : { department };
  let after: Types.ObjectId | undefined;
  for (;;) {
    const batch = await Employee.find(after ? { ...filter, _id: { $gt: after } } : filter, {
      email: 1,
      name: 1,
      department: 1,
      timezone: 1,
    })
      .sort({ _id: 1 })
      .limit(BATCH)
      .lean<EmployeeDoc[]>();
    if (batch.length === 0) return;
    after = batch[batch.length - 1]?._id;
    yield batch.map((e) => ({
      id: String(e._id),
      email: e.email,
      name: e.name,
      department: e.department,
      timezone: e.timezone,
    }));
  }
}

const monthRange = (month: string) => {
  const first = DateTime.fromFormat(month, 'yyyy-MM', { zone: 'utc' });
  return { from: first.toISODate() as string, to: first.endOf('month').toISODate() as string };
};

/**
 * Every employee's days of a month (up to their own today), from the month rollups: one point
 * read per person, so time grows with the head count, not with the years of history.
 * @example for await (const { person, days } of monthDays('2026-11', undefined, now)) …
 */
export async function* monthDays(
  month: string,
  department: string | undefined,
  now: DateTime,
): AsyncGenerator<{ person: ReportPerson; days: DayResult[] }> {
  const { from, to } = monthRange(month);
  const scheduleOf = await loadSchedules();
  for await (const people of employees(department)) {
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

export function csvRow(person: ReportPerson, d: DayResult): string[] {
  return [
    d.date,
    person.email,
    person.name,
    person.department,
    d.workday ? 'yes' : 'no',
    d.status,
    d.checkIn?.toFormat('HH:mm') ?? '',
    d.checkOut?.toFormat('HH:mm') ?? '',
    (d.minutesWorked / 60).toFixed(2),
    d.late ? 'yes' : 'no',
    d.earlyLeave ? 'yes' : 'no',
    d.leave ?? '',
    d.madeUp ? 'yes' : 'no',
  ];
}

/**
 * RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs a name as a
 * formula (CSV injection).
 */
export function csvLine(fields: string[]): string {
  return `${fields
    .map((f) => {
      const safe = /^[=+\-@]/.test(f) ? `'${f}` : f;
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(',')}\r\n`;
}

export type SummaryRow = Omit<ReportPerson, 'id' | 'timezone'> & MonthTotals;

/** Each employee's month figures up to their today, straight from the rollups' counts. */
export async function monthSummary(month: string, department: string | undefined, now: DateTime) {
  const { from, to } = monthRange(month);
  const scheduleOf = await loadSchedules();
  const employeesOut: SummaryRow[] = [];
  for await (const people of employees(department)) {
    const months = await readMonths(
      people.map((p) => p.id),
      from,
      to,
    );
    for (const p of people) {
      const today = now.setZone(p.timezone).toISODate() as string;
      const totals = monthTotals(months.get(monthKey(p.id, month)), month, scheduleOf(p), today);
      employeesOut.push({ email: p.email, name: p.name, department: p.department, ...totals });
    }
  }
  return { month, employees: employeesOut };
}
