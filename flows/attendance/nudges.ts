import { DateTime } from 'luxon';
import { inList } from '../../db/in-list.js';
import { AttendanceRecord } from '../../db/models/attendance-record.js';
import { Employee } from '../../db/models/employee.js';
import { LeaveDay } from '../../db/models/leave-day.js';
import type { Reminders } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { checkInButton } from './cards.js';
import { expectedHours, type Half, isWorkday, loadSchedules, mergeHalves } from './schedule.js';
import { t } from './text.js';

/** Minutes after the expected start before someone with no check-in is reminded. */
const NUDGE_AFTER_MINUTES = 10;

/**
 * "You haven't checked in": once per local workday, at the expected start + 10 minutes (a morning
 * off moves the start to mid-day), unless there is a check-in or a full day of leave. Quiet hours
 * hold it back; it goes out when they end if the working day has not.
 */
export async function remindCheckIns(now: Date, reminders: Reminders): Promise<{ reminded: number }> {
  const [people, scheduleOf] = await Promise.all([
    Employee.find({ active: true }, { department: 1, timezone: 1 }).lean(),
    loadSchedules(),
  ]);
  const at = DateTime.fromJSDate(now);
  const candidates = people.flatMap((p) => {
    const person = { id: String(p._id), department: p.department, timezone: p.timezone };
    const schedule = scheduleOf(person);
    const date = at.setZone(p.timezone).toISODate() as string;
    if (!isWorkday(schedule, date)) return [];
    const hours = (leave?: Half) => expectedHours(schedule, date, p.timezone, leave);
    const { start, end } = hours();
    if (at < start.plus({ minutes: NUDGE_AFTER_MINUTES }) || at >= end) return [];
    return [{ ...person, date, hours, key: `checkin:${person.id}:${date}` }];
  });
  if (candidates.length === 0) return { reminded: 0 };

  const ids = candidates.map((c) => c.id);
  const dates = [...new Set(candidates.map((c) => c.date))];
  const [records, leaves, done] = await Promise.all([
    AttendanceRecord.find(
      { ...inList('employeeId', ids), date: { $in: dates } },
      { employeeId: 1, date: 1 },
    ).lean(),
    LeaveDay.find(
      { ...inList('employeeId', ids), date: { $in: dates } },
      { employeeId: 1, date: 1, half: 1 },
    ).lean(),
    // today's keys: sent, if at all, since the local day began (at most 38 h ago)
    reminders.delivered(
      candidates.map((c) => c.key),
      { kind: 'reminder', since: new Date(now.getTime() - 2 * 86_400_000) },
    ),
  ]);
  const punched = new Set(records.map((r) => `${r.employeeId}|${r.date}`));
  const halvesOf = new Map<string, Half[]>();
  for (const l of leaves) {
    const key = `${l.employeeId}|${l.date}`;
    halvesOf.set(key, [...(halvesOf.get(key) ?? []), l.half as Half]);
  }
  const due = candidates.filter((c) => {
    const key = `${c.id}|${c.date}`;
    if (done.has(c.key) || punched.has(key)) return false;
    const leave = mergeHalves(halvesOf.get(key) ?? []);
    if (leave === 'full') return false;
    const { start, end } = c.hours(leave);
    return at >= start.plus({ minutes: NUDGE_AFTER_MINUTES }) && at < end;
  });
  const recipients = await reminders.recipients(due.map((c) => c.id));
  let reminded = 0;
  for (const c of due) {
    const recipient = recipients.get(c.id);
    if (!recipient) continue;
    const { locale } = recipient;
    const time = at.setZone(c.timezone).toFormat('HH:mm');
    const result = await reminders.deliver({
      employeeId: c.id,
      kind: 'reminder',
      key: c.key,
      reply: {
        card: {
          title: tr(locale, t.checkInNudge, { time }),
          fields: [],
          status: 'warning',
          actions: [checkInButton(locale)],
        },
      },
      at: now,
      recipient,
    });
    if (result.status === 'sent') reminded++;
  }
  return { reminded };
}
