import { DateTime } from 'luxon';
import { AttendanceRecord } from '../../db/models/attendance-record.js';
import { Employee, type EmployeeDoc } from '../../db/models/employee.js';
import { JobCursor } from '../../db/models/job-cursor.js';
import { LeaveDay } from '../../db/models/leave-day.js';
import { isDuplicateKey } from '../../db/processed-events.js';
import type { JobSpec } from '../../src/bot/flow.js';
import { remindCheckIns } from './nudges.js';
import { datesBetween, expectedHours, isWorkday, loadSchedules } from './schedule.js';

const CURSOR_ID = 'attendance.absences';
/** A first run, or one after a long outage, looks back at most this far. */
const MAX_CATCH_UP_DAYS = 31;
const FIRST_RUN_DAYS = 1;

/**
 * Marks as absent every workday that ended (schedule end, in the employee's zone) since the last run
 * with no check-in and no full-day leave. Run it as often as you like: existing days are never
 * touched (insert-only, the unique (employeeId, date) index drops repeats), and the cursor makes a
 * run after downtime catch up on every day it missed. A half-day leave with no check-in is absent.
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

  const [people, scheduleOf, records, leaves] = await Promise.all([
    Employee.find({ active: true }, { department: 1, timezone: 1, createdAt: 1 }).lean<EmployeeDoc[]>(),
    loadSchedules(),
    AttendanceRecord.find({ date: { $gte: from, $lte: to } }, { employeeId: 1, date: 1 }).lean(),
    LeaveDay.find({ date: { $gte: from, $lte: to }, half: 'full' }, { employeeId: 1, date: 1 }).lean(),
  ]);
  const taken = new Set([...records, ...leaves].map((r) => `${r.employeeId}|${r.date}`));
  const dates = datesBetween(from, to);
  const absent: { employeeId: unknown; date: string; status: 'absent' }[] = [];
  for (const e of people) {
    const p = { id: String(e._id), department: e.department, timezone: e.timezone };
    const schedule = scheduleOf(p);
    // days before someone joined are not theirs to miss
    const joined = DateTime.fromJSDate(e.createdAt ?? new Date(0), {
      zone: e.timezone,
    }).toISODate() as string;
    for (const date of dates) {
      if (date < joined || taken.has(`${p.id}|${date}`) || !isWorkday(schedule, date)) continue;
      const end = expectedHours(schedule, date, p.timezone).end;
      if (end <= nowDt && end > since) absent.push({ employeeId: e._id, date, status: 'absent' });
    }
  }
  const marked = await insertIgnoringDuplicates(absent);
  if (!cursor || cursor.through < now) {
    // two instances may run this at once; the first upsert wins and the other's is the same news
    await JobCursor.updateOne({ _id: CURSOR_ID }, { $max: { through: now } }, { upsert: true }).catch(
      (err: unknown) => {
        if (!isDuplicateKey(err)) throw err;
      },
    );
  }
  return { marked };
}

/** Another instance (or a check-in) may have written a day in between: those rows are skipped. */
async function insertIgnoringDuplicates(docs: object[]): Promise<number> {
  if (docs.length === 0) return 0;
  try {
    return (await AttendanceRecord.insertMany(docs, { ordered: false })).length;
  } catch (err) {
    if (!isDuplicateKey(err) && !hasOnlyDuplicates(err)) throw err;
    return (err as { insertedDocs?: unknown[] }).insertedDocs?.length ?? 0;
  }
}

function hasOnlyDuplicates(err: unknown): boolean {
  const errors = (err as { writeErrors?: { code?: number; err?: { code?: number } }[] }).writeErrors;
  return Array.isArray(errors) && errors.every((e) => (e.code ?? e.err?.code) === 11000);
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
