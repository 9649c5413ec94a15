// The seam the approvals flow calls: approved leave and make-up punches (补卡) land here.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { inList } from '../../db/in-list.js';
import { AttendanceRecord } from '../../db/models/attendance-record.js';
import { LeaveDay } from '../../db/models/leave-day.js';
import { isDuplicateKey } from '../../db/processed-events.js';
import { AppError } from '../../src/errors.js';
import { datesBetween, type Half, isWorkday, loadSchedules } from './schedule.js';
import { scheduledPerson } from './service.js';

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

/**
 * Stores approved leave, one row per (request, date) — re-applying is a no-op — and turns days the
 * absence job already marked into leave.
 * @example await recordApprovedLeave({ employeeId, requestId: 'r1', from: '2026-12-03', to: '2026-12-04', toHalf: 'am' })
 */
export async function recordApprovedLeave(input: {
  employeeId: string;
  requestId: string;
  from: string;
  to: string;
  fromHalf?: 'am' | 'pm';
  toHalf?: 'am' | 'pm';
}): Promise<void> {
  const v = parse(leaveInput, input);
  const days = leaveHalves(v.from, v.to, v.fromHalf, v.toHalf);
  await LeaveDay.bulkWrite(
    days.map((d) => ({
      updateOne: {
        filter: { requestId: v.requestId, date: d.date },
        update: { $set: { employeeId: v.employeeId, half: d.half } },
        upsert: true,
      },
    })),
  );
  const full = days.filter((d) => d.half === 'full').map((d) => d.date);
  await AttendanceRecord.updateMany(
    { employeeId: v.employeeId, date: { $in: full }, status: 'absent' },
    { $set: { status: 'leave', leaveRequestId: v.requestId } },
  );
}

/** Removes a leave (withdrawn or revoked); days it had turned from absent back to absent again. */
export async function cancelLeave(requestId: string): Promise<void> {
  await LeaveDay.deleteMany({ requestId });
  await AttendanceRecord.updateMany(
    { leaveRequestId: requestId, status: 'leave', checkInAt: null },
    { $set: { status: 'absent', leaveRequestId: null } },
  );
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
 * employee's zone, and tags the day with the request id. Applying it again changes nothing.
 */
export async function applyMakeupPunch(input: {
  employeeId: string;
  requestId: string;
  date: string;
  time: string;
  direction: 'in' | 'out';
}): Promise<void> {
  const v = parse(punchInput, input);
  const p = await scheduledPerson(v.employeeId);
  const at = DateTime.fromISO(`${v.date}T${v.time}`, { zone: p.timezone }).toJSDate();
  const field = v.direction === 'in' ? 'checkInAt' : 'checkOutAt';
  const write = () =>
    AttendanceRecord.updateOne(
      { employeeId: v.employeeId, date: v.date },
      {
        $set: { status: 'present', [field]: at, leaveRequestId: null },
        $addToSet: { madeUpBy: v.requestId },
      },
      { upsert: true },
    );
  try {
    await write();
  } catch (err) {
    // a check-in racing the upsert inserted the day first: it exists now, so update it
    if (!isDuplicateKey(err)) throw err;
    await write();
  }
}

/** Who of `employeeIds` has approved leave (any part of) `date`; approvals route around them. */
export async function employeesOnLeave(employeeIds: string[], date: string): Promise<Set<string>> {
  if (employeeIds.length === 0) return new Set();
  const rows = await LeaveDay.find({ ...inList('employeeId', employeeIds), date }, { employeeId: 1 }).lean();
  const asked = new Set(employeeIds);
  return new Set(rows.map((r) => String(r.employeeId)).filter((id) => asked.has(id)));
}
