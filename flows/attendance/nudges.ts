import { DateTime } from 'luxon';
import { AttendanceDay, dayKey } from '../../db/models/attendance-day.js';
import { LeaveDay, type LeaveDayDoc } from '../../db/models/leave-day.js';
import { findByIds } from '../../db/point-reads.js';
import type { Reminders } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { readDirectory } from '../org/api.js';
import { checkInButton } from './cards.js';
import { expectedHours, type Half, isWorkday, loadSchedules, mergeHalves } from './schedule.js';
import { t } from './text.js';

/** Minutes after the expected start before someone with no check-in is reminded. */
const NUDGE_AFTER_MINUTES = 10;

/**
 * "You haven't checked in": once per local workday, at the expected start + 10 minutes (a morning
 * off moves the start to mid-day), unless there is a check-in or a full day of leave. Quiet hours
 * hold it back; it goes out when they end if the working day has not. Bounded by the head count:
 * whoever is in their reminder window and not yet reminded costs a point read (and one for leave
 * when there is no check-in).
 */
export async function remindCheckIns(now: Date, reminders: Reminders): Promise<{ reminded: number }> {
  const [org, scheduleOf] = await Promise.all([readDirectory(), loadSchedules()]);
  const people = org.everyone();
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

  // today's keys: sent, if at all, since the local day began (at most 38 h ago)
  const done = await reminders.delivered(
    candidates.map((c) => c.key),
    { kind: 'reminder', since: new Date(now.getTime() - 2 * 86_400_000) },
  );
  const open = candidates.filter((c) => !done.has(c.key));
  const punched = await findByIds(
    AttendanceDay,
    open.map((c) => dayKey(c.id, c.date)),
    { _id: 1 },
  );
  const missing = open.filter((c) => !punched.has(dayKey(c.id, c.date)));
  const leaves = await findByIds<LeaveDayDoc>(
    LeaveDay,
    missing.map((c) => dayKey(c.id, c.date)),
    { parts: 1 },
  );
  const due = missing.filter((c) => {
    const key = dayKey(c.id, c.date);
    const leave = mergeHalves((leaves.get(key)?.parts ?? []).map((p) => p.half as Half));
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
