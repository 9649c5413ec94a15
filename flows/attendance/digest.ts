import { DateTime } from 'luxon';
import type { DigestSection, DigestSectionSpec, Reader, RunContext, Staff } from '../../src/bot/digest.js';
import { tr } from '../../src/bot/i18n.js';
import { loadDays } from './days.js';
import type { DayResult } from './evaluate.js';
import { isWorkday, loadSchedules, type Schedule } from './schedule.js';

/** This flow's lines in the morning digest. */
const t = {
  team: { 'zh-CN': '团队考勤异常 {date}', en: 'Team attendance issues {date}' },
  late: { 'zh-CN': '迟到 {time}', en: 'late {time}' },
  absent: { 'zh-CN': '缺勤', en: 'absent' },
  noCheckOut: { 'zh-CN': '未签退', en: 'no check-out' },
};

/** A manager looks back at most this far for their previous workday (a long holiday). */
const LOOK_BACK_DAYS = 10;

/**
 * Managers: their direct reports' previous workday (Monday's digest covers Friday) — late,
 * absent, or checked in without checking out. Two queries for the whole company (loadDays).
 */
async function teamAttendance(ctx: RunContext): Promise<Map<string, DigestSection>> {
  const reportsOf = new Map<string, Staff[]>();
  for (const s of ctx.staff) {
    if (s.managerId) reportsOf.set(s.managerId, [...(reportsOf.get(s.managerId) ?? []), s]);
  }
  const managers = ctx.readers.filter((r) => reportsOf.has(r.id));
  if (managers.length === 0) return new Map();
  const scheduleOf = await loadSchedules();
  const dayOf = new Map(
    managers.map((m) => [m.id, previousWorkday(m, scheduleOf({ ...m, department: m.department }))]),
  );
  const dates = [...dayOf.values()].sort();
  const reports = managers.flatMap((m) => reportsOf.get(m.id) ?? []);
  const days = await loadDays(
    reports,
    dates[0] as string,
    dates.at(-1) as string,
    scheduleOf,
    DateTime.fromJSDate(ctx.now),
  );

  const out = new Map<string, DigestSection>();
  for (const m of managers) {
    const date = dayOf.get(m.id) as string;
    const lines = (reportsOf.get(m.id) ?? []).flatMap((r) => {
      const day = days.get(r.id)?.find((d) => d.date === date);
      // a report in a zone behind the manager's may still be at work on that day
      const over = (DateTime.fromJSDate(ctx.now).setZone(r.timezone).toISODate() as string) > date;
      const issue = day && anomaly(day, m, date >= r.joined, over);
      return issue ? [`${r.name} · ${issue}`] : [];
    });
    if (lines.length > 0) out.set(m.id, { title: tr(m.locale, t.team, { date }), lines });
  }
  return out;
}

function previousWorkday(reader: Reader, schedule: Schedule): string {
  let day = DateTime.fromISO(reader.date).minus({ days: 1 });
  for (let i = 1; i < LOOK_BACK_DAYS && !isWorkday(schedule, day.toISODate() as string); i++)
    day = day.minus({ days: 1 });
  return day.toISODate() as string;
}

/**
 * `employed`: false for days before they joined, which are not theirs to miss. `over`: the day has
 * ended where the report is, so a missing check-out is one.
 */
function anomaly(day: DayResult, reader: Reader, employed: boolean, over: boolean): string | null {
  if (!day.workday || day.leave === 'full') return null;
  // 'none' = an ended workday the absence job has not marked yet: absent all the same
  if (day.status === 'absent' || day.status === 'none') return employed ? tr(reader.locale, t.absent) : null;
  const issues: string[] = [];
  if (day.late && day.checkIn)
    issues.push(tr(reader.locale, t.late, { time: day.checkIn.toFormat('HH:mm') }));
  if (over && day.status === 'present' && !day.checkOut) issues.push(tr(reader.locale, t.noCheckOut));
  return issues.length > 0 ? issues.join(', ') : null;
}

/** What attendance adds to the morning digest: managers see their team's previous workday. */
export const attendanceDigestSections: DigestSectionSpec[] = [
  { name: 'attendance.team', order: 30, load: teamAttendance },
];
