import type { DateTime } from 'luxon';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { AttendanceDay, type AttendanceDayDoc, dayKey } from '../../db/models/attendance-day.js';
import { changeVersioned } from '../../db/versioned.js';
import { scheduledPerson } from './person.js';
import { refreshMonths } from './rollup.js';

export type FieldPunch = { place: string; customer: string };

/**
 * An out-of-office punch (外勤打卡) on the employee's local day: kept on the day with its place and
 * customer. The day's first punch of any kind is its check-in, as at the office: inserting the day
 * is that check-in (racing punches hit the duplicate key and append instead, under a version claim).
 * `checkedIn` says whether this punch was the day's check-in.
 */
export async function recordFieldPunch(
  employeeId: string,
  now: DateTime,
  punch: FieldPunch,
): Promise<{ date: string; checkedIn: boolean }> {
  const p = await scheduledPerson(employeeId);
  const date = now.setZone(p.timezone).toISODate() as string;
  const at = now.toJSDate();
  const entry = { at, place: punch.place.slice(0, 200), customer: punch.customer.slice(0, 200) };
  const note = [punch.customer, punch.place].filter(Boolean).join(' @ ').slice(0, 300);
  let checkedIn = true;
  try {
    await AttendanceDay.create({
      employeeId,
      date,
      status: 'present',
      checkInAt: at,
      checkInNote: note,
      fieldPunches: [entry],
    });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    await changeVersioned<AttendanceDayDoc, never>(
      AttendanceDay,
      'attendance-day',
      dayKey(employeeId, date),
      (day) => {
        checkedIn = !day.checkInAt;
        const set: Record<string, unknown> = { fieldPunches: [...(day.fieldPunches ?? []), entry] };
        if (checkedIn)
          Object.assign(set, { status: 'present', checkInAt: at, checkInNote: note, leaveRequestId: null });
        return set;
      },
      at,
    );
  }
  if (checkedIn) await refreshMonths(p, [date], at);
  return { date, checkedIn };
}
