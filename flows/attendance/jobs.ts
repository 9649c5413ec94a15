import { DateTime } from 'luxon';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { insertNew } from '../../db/insert-new.js';
import { AttendanceDay, type AttendanceDayDoc, dayKey } from '../../db/models/attendance-day.js';
import type { EmployeeDoc } from '../../db/models/employee.js';
import { JobCursor } from '../../db/models/job-cursor.js';
import { LeaveDay, type LeaveDayDoc } from '../../db/models/leave-day.js';
import { findByIds, inParallel } from '../../db/point-reads.js';
import type { JobSpec } from '../../src/bot/flow.js';
import { readDirectory } from '../org/api.js';
import { remindCheckIns } from './nudges.js';
import { refreshMonths } from './rollup.js';
import { datesBetween, expectedHours, type Half, isWorkday, loadSchedules, mergeHalves } from './schedule.js';

const CURSOR_ID = 'attendance.absences';
/** A first run, or one after a long outage, looks back at most this far. */
const MAX_CATCH_UP_DAYS = 31;
const FIRST_RUN_DAYS = 1;

/**
 * Marks as absent every workday that ended (schedule end, in the employee's zone) since the last run
 * with no check-in and no full-day leave. Run it as often as you like: existing days are never
 * touched (insert-only, the day's `<employee>:<date>` key drops repeats), and the cursor makes a
 * run after downtime catch up on every day it missed. A half-day leave with no check-in is absent.
 * Bounded by the people whose day ended since the last run: their day and leave are point reads
 * (usually none at all, the window being a few minutes), whatever the size of the history.
 * @example await markAbsences(now) // { marked: 3 }
 */
export async function markAbsences(now: Date): Promise<{ marked: number }> {
  const cursor = await JobCursor.findById(CURSOR_ID).lean();
  const nowDt = DateTime.fromJSDate(now, { zone: 'utc' });
  const floor = nowDt.minus({ days: MAX_CATCH_UP_DAYS });
  const lastDefault = nowDt.minus({ days: FIRST_RUN_DAYS });
  const since = cursor
    ? DateTime.max(DateTime.fromJSDate(cursor.through, { zone: 'utc' }), floor)
    : lastDefault;
  // local dates differ from UTC by at most a day either way
  const from = since.minus({ days: 1 }).toISODate() as string;
  const to = nowDt.plus({ days: 1 }).toISODate() as string;

  const [org, scheduleOf] = await Promise.all([readDirectory(), loadSchedules()]);
  const dates = datesBetween(from, to);
  const ended: { e: EmployeeDoc; date: string }[] = [];
  for (const e of org.everyone()) {
    const p = { id: String(e._id), department: e.department, timezone: e.timezone };
    const schedule = scheduleOf(p);
    // days before someone joined are not theirs to miss
    const joined = DateTime.fromJSDate(e.createdAt ?? new Date(0), {
      zone: e.timezone,
    }).toISODate() as string;
    for (const date of dates) {
      if (date < joined || !isWorkday(schedule, date)) continue;
      const end = expectedHours(schedule, date, p.timezone).end;
      if (end <= nowDt && end > since) ended.push({ e, date });
    }
  }
  const keys = ended.map(({ e, date }) => dayKey(e._id, date));
  const [days, leaves] = await Promise.all([
    findByIds<AttendanceDayDoc>(AttendanceDay, keys, { _id: 1 }),
    findByIds<LeaveDayDoc>(LeaveDay, keys, { parts: 1 }),
  ]);
  const absent = ended.filter(({ e, date }) => {
    const key = dayKey(e._id, date);
    const halves = (leaves.get(key)?.parts ?? []).map((p) => p.half as Half);
    return !days.has(key) && mergeHalves(halves) !== 'full';
  });
  // another instance (or a check-in) may have written a day in between: those are skipped
  const inserted = await insertNew(
    AttendanceDay,
    absent.map(({ e, date }) => ({ employeeId: e._id, date, status: 'absent' })),
  );
  await inParallel(inserted, async (day) => {
    const e = org.byId(day.employeeId);
    if (e)
      await refreshMonths(
        { id: String(e._id), department: e.department, timezone: e.timezone },
        [day.date],
        now,
      );
  });
  if (!cursor || cursor.through < now) {
    // two instances may run this at once; the first upsert wins and the other's is the same news
    await JobCursor.updateOne({ _id: CURSOR_ID }, { $max: { through: now } }, { upsert: true }).catch(
      (err: unknown) => {
        if (!isDuplicateKey(err)) throw err;
      },
    );
  }
  return { marked: inserted.length };
}

/** Scheduled jobs of this flow. */
export const attendanceJobs: JobSpec[] = [
  { name: 'attendance.markAbsences', every: '15 minutes', run: ({ now }) => markAbsences(now) },
  {
    name: 'attendance.remindCheckIns',
    every: '5 minutes',
    run: ({ now, reminders }) => remindCheckIns(now, reminders),
  },
];
