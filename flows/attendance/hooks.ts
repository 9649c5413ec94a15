// The seam the approvals flow calls: approved leave and make-up punches (补卡) land here.
import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { z } from 'zod';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { AttendanceDay, type AttendanceDayDoc, dayKey } from '../../db/models/attendance-day.js';
import { LeaveDay, type LeaveDayDoc } from '../../db/models/leave-day.js';
import { findByIds } from '../../db/point-reads.js';
import { changeVersioned } from '../../db/versioned.js';
import { AppError } from '../../src/errors.js';
import { scheduledPerson } from './person.js';
import { refreshMonths } from './rollup.js';
import { datesBetween, type Half, isWorkday, loadSchedules } from './schedule.js';

const isoDate = z.iso.date();
const half = z.enum(['am', 'pm']).optional();
const leaveInput = z
  .object({
    employeeId: z.string().min(1),
    requestId: z.string().min(1),
    from: isoDate,
    to: isoDate,
    fromHalf: half,
    toHalf: half,
  })
  .refine((v) => v.from <= v.to, { message: 'from is after to' });
const cancelInput = z
  .object({ employeeId: z.string().min(1), requestId: z.string().min(1), from: isoDate, to: isoDate })
  .refine((v) => v.from <= v.to, { message: 'from is after to' });
const punchInput = z.object({
  employeeId: z.string().min(1),
  requestId: z.string().min(1),
  date: isoDate,
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  direction: z.enum(['in', 'out']),
});

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new AppError('attendance.bad_input', parsed.error.issues[0]?.message ?? 'bad input');
  return parsed.data;
}

/**
 * The half of each date a leave covers. `fromHalf: 'pm'` starts in the afternoon of `from`;
 * `toHalf: 'am'` ends at noon of `to`; on a one-day leave the two together decide.
 */
function leaveHalves(from: string, to: string, fromHalf?: 'am' | 'pm', toHalf?: 'am' | 'pm') {
  return datesBetween(from, to).map((date): { date: string; half: Half } => {
    const startsPm = date === from && fromHalf === 'pm';
    const endsAm = date === to && toHalf === 'am';
    if (startsPm && endsAm) return { date, half: 'full' }; // nonsensical pm→am on one day: treat as full
    return { date, half: startsPm ? 'pm' : endsAm ? 'am' : 'full' };
  });
}

/** Sets (or, with `half: null`, removes) one request's part of an employee's leave on a date. */
function setLeavePart(employeeId: string, date: string, requestId: string, half: Half | null, at: Date) {
  return changeVersioned<LeaveDayDoc, 'unchanged'>(
    LeaveDay,
    'leave-day',
    dayKey(employeeId, date),
    (doc) => {
      const others = doc.parts.filter((p) => p.requestId !== requestId);
      const parts = half ? [...others, { requestId, half }] : others;
      const same = doc.parts.find((p) => p.requestId === requestId)?.half === (half ?? undefined);
      return same ? 'unchanged' : { parts };
    },
    at,
    {
      initial: () => ({
        _id: dayKey(employeeId, date),
        employeeId: new mongoose.Types.ObjectId(employeeId),
        date,
        parts: [],
        version: 0,
        updatedAt: null,
      }),
    },
  );
}

/** Moves an existing day from one status to another, when `applies` says so. */
function restatus(
  employeeId: string,
  date: string,
  applies: (day: AttendanceDayDoc) => boolean,
  set: Record<string, unknown>,
  at: Date,
) {
  return changeVersioned<AttendanceDayDoc, 'unchanged'>(
    AttendanceDay,
    'attendance-day',
    dayKey(employeeId, date),
    (day) => (applies(day) ? set : 'unchanged'),
    at,
  );
}

/**
 * Stores approved leave on each date (`<employee>:<date>`, one part per request — re-applying is a
 * no-op), turns days the absence job already marked into leave, and updates the month rollups.
 * @example await recordApprovedLeave({ employeeId, requestId: 'r1', from: '2026-12-03', to: '2026-12-04', toHalf: 'am' }, now)
 */
export async function recordApprovedLeave(
  input: {
    employeeId: string;
    requestId: string;
    from: string;
    to: string;
    fromHalf?: 'am' | 'pm';
    toHalf?: 'am' | 'pm';
  },
  at: Date,
): Promise<void> {
  const v = parse(leaveInput, input);
  const p = await scheduledPerson(v.employeeId);
  const days = leaveHalves(v.from, v.to, v.fromHalf, v.toHalf);
  for (const d of days) {
    await setLeavePart(v.employeeId, d.date, v.requestId, d.half, at);
    if (d.half === 'full') {
      await restatus(
        v.employeeId,
        d.date,
        (day) => day.status === 'absent',
        { status: 'leave', leaveRequestId: v.requestId },
        at,
      );
    }
  }
  await refreshMonths(
    p,
    days.map((d) => d.date),
    at,
  );
}

/**
 * Removes a leave (withdrawn or revoked) from its dates; days it had turned from absent are
 * absent again, and the month rollups follow.
 */
export async function cancelLeave(
  input: { employeeId: string; requestId: string; from: string; to: string },
  at: Date,
): Promise<void> {
  const v = parse(cancelInput, input);
  const p = await scheduledPerson(v.employeeId);
  const dates = datesBetween(v.from, v.to);
  for (const date of dates) {
    await setLeavePart(v.employeeId, date, v.requestId, null, at);
    await restatus(
      v.employeeId,
      date,
      (day) => day.leaveRequestId === v.requestId && day.status === 'leave' && !day.checkInAt,
      { status: 'absent', leaveRequestId: null },
      at,
    );
  }
  await refreshMonths(p, dates, at);
}

/**
 * Working days between two dates on the employee's own schedule and calendar; half days count 0.5.
 * @example await countWorkdays(id, '2026-12-03', '2026-12-07', 'pm') // Thu pm + Fri + Mon = 2.5
 */
export async function countWorkdays(
  employeeId: string,
  from: string,
  to: string,
  fromHalf?: 'am' | 'pm',
  toHalf?: 'am' | 'pm',
): Promise<number> {
  const v = parse(leaveInput, { employeeId, requestId: '-', from, to, fromHalf, toHalf });
  const schedule = (await loadSchedules())(await scheduledPerson(employeeId));
  return leaveHalves(v.from, v.to, v.fromHalf, v.toHalf)
    .filter((d) => isWorkday(schedule, d.date))
    .reduce((sum, d) => sum + (d.half === 'full' ? 1 : 0.5), 0);
}

/**
 * Writes or corrects one punch from an approved make-up request (补卡), at a local time in the
 * employee's zone, and tags the day with the request number. Applying it again changes nothing
 * (and brings the month rollup up to date, should a crash have left it behind).
 */
export async function applyMakeupPunch(
  input: {
    employeeId: string;
    requestId: string;
    date: string;
    time: string;
    direction: 'in' | 'out';
  },
  now: Date,
): Promise<void> {
  const v = parse(punchInput, input);
  const p = await scheduledPerson(v.employeeId);
  const at = DateTime.fromISO(`${v.date}T${v.time}`, { zone: p.timezone }).toJSDate();
  const punch = {
    status: 'present' as const,
    [v.direction === 'in' ? 'checkInAt' : 'checkOutAt']: at,
    leaveRequestId: null,
  };
  try {
    await AttendanceDay.create({ employeeId: v.employeeId, date: v.date, ...punch, madeUpBy: [v.requestId] });
  } catch (err) {
    // the day exists (a check-in, an absence, an earlier punch): correct it
    if (!isDuplicateKey(err)) throw err;
    await changeVersioned<AttendanceDayDoc, 'applied'>(
      AttendanceDay,
      'attendance-day',
      dayKey(v.employeeId, v.date),
      (day) =>
        day.madeUpBy.includes(v.requestId)
          ? 'applied'
          : { ...punch, madeUpBy: [...day.madeUpBy, v.requestId] },
      now,
    );
  }
  await refreshMonths(p, [v.date], now);
}

/** Who of `employeeIds` has approved leave (any part of) `date`; approvals route around them. */
export async function employeesOnLeave(employeeIds: string[], date: string): Promise<Set<string>> {
  const leaves = await findByIds<LeaveDayDoc>(
    LeaveDay,
    employeeIds.map((id) => dayKey(id, date)),
  );
  return new Set(employeeIds.filter((id) => (leaves.get(dayKey(id, date))?.parts.length ?? 0) > 0));
}
