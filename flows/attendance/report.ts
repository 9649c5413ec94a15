import { DateTime } from 'luxon';
import type { Types } from 'mongoose';
import { Employee, type EmployeeDoc } from '../../db/models/employee.js';
import { loadDays } from './days.js';
import { type DayResult, type MonthTotals, totalsOf } from './evaluate.js';
import { loadSchedules } from './schedule.js';

/**
 * Employees per round trip: memory stays flat however big the company is. Large, because on the
 * embedded store each query scans its whole collection whatever the indexes.
 */
const BATCH = 1000;

export type ReportPerson = { id: string; email: string; name: string; department: string; timezone: string };

/**
 * Every employee's days of a month (up to their own today), a batch of employees at a time — three
 * queries per batch, so time grows linearly with the head count.
 * @example for await (const { person, days } of monthDays('2026-11', undefined, now)) …
 */
export async function* monthDays(
  month: string,
  department: string | undefined,
  now: DateTime,
): AsyncGenerator<{ person: ReportPerson; days: DayResult[] }> {
  const first = DateTime.fromFormat(month, 'yyyy-MM', { zone: 'utc' });
  const from = first.toISODate() as string;
  const to = first.endOf('month').toISODate() as string;
  const scheduleOf = await loadSchedules();
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
    const people = batch.map((e) => ({
      id: String(e._id),
      email: e.email,
      name: e.name,
      department: e.department,
      timezone: e.timezone,
    }));
    const days = await loadDays(people, from, to, scheduleOf, now);
    for (const person of people) {
      const today = now.setZone(person.timezone).toISODate() as string;
      yield { person, days: (days.get(person.id) ?? []).filter((d) => d.date <= today) };
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

export async function monthSummary(month: string, department: string | undefined, now: DateTime) {
  const employees: SummaryRow[] = [];
  for await (const { person, days } of monthDays(month, department, now)) {
    const { email, name, department: dept } = person;
    employees.push({ email, name, department: dept, ...totalsOf(days) });
  }
  return { month, employees };
}
