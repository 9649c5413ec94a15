import { DateTime } from 'luxon';
import { monthKey } from '../../db/models/attendance-month.js';
import type { Cell, Column, Table } from '../../src/table-export.js';
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

/** The month export's columns: CSV keys for scripts, headers in the reader's language for a spreadsheet. */
const COLUMNS: Column[] = [
  { key: 'date', label: { 'zh-CN': '日期', en: 'Date' }, kind: 'date', width: 12 },
  { key: 'email', label: { 'zh-CN': '邮箱', en: 'E-mail' }, kind: 'text', width: 28 },
  { key: 'name', label: { 'zh-CN': '姓名', en: 'Name' }, kind: 'text', width: 16 },
  { key: 'department', label: { 'zh-CN': '部门', en: 'Department' }, kind: 'text', width: 16 },
  { key: 'workday', label: { 'zh-CN': '工作日', en: 'Workday' }, kind: 'yesno' },
  { key: 'status', label: { 'zh-CN': '状态', en: 'Status' }, kind: 'text', width: 12 },
  { key: 'check_in', label: { 'zh-CN': '上班打卡', en: 'Check-in' }, kind: 'time' },
  { key: 'check_out', label: { 'zh-CN': '下班打卡', en: 'Check-out' }, kind: 'time' },
  { key: 'hours', label: { 'zh-CN': '工时', en: 'Hours' }, kind: 'number', decimals: 2 },
  { key: 'late', label: { 'zh-CN': '迟到', en: 'Late' }, kind: 'yesno' },
  { key: 'early_leave', label: { 'zh-CN': '早退', en: 'Left early' }, kind: 'yesno' },
  { key: 'leave', label: { 'zh-CN': '请假', en: 'Leave' }, kind: 'text' },
  { key: 'made_up', label: { 'zh-CN': '补卡', en: 'Made up' }, kind: 'yesno' },
];

/** 'HH:mm', without luxon's formatter (slow, and called twice per row of a 30,000-row report). */
const hhmm = (t: DateTime | undefined) =>
  t ? `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}` : null;

function dayCells(person: ReportPerson, d: DayResult): Cell[] {
  return [
    d.date,
    person.email,
    person.name,
    person.department,
    d.workday,
    d.status,
    hhmm(d.checkIn),
    hhmm(d.checkOut),
    d.minutesWorked / 60,
    d.late,
    d.earlyLeave,
    d.leave ?? null,
    d.madeUp,
  ];
}

/** The month, one row per employee-day up to each one's today, in batches as `monthDays` reads them. */
export function monthTable(month: string, department: string | undefined, now: DateTime): Table {
  async function* rows() {
    for await (const { person, days } of monthDays(month, department, now))
      yield days.map((d) => dayCells(person, d));
  }
  return { sheet: { 'zh-CN': `考勤 ${month}`, en: `Attendance ${month}` }, columns: COLUMNS, rows: rows() };
}

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
