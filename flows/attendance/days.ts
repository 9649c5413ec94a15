import type { DateTime } from 'luxon';
import type { Types } from 'mongoose';
import { inList } from '../../db/in-list.js';
import { AttendanceRecord } from '../../db/models/attendance-record.js';
import { LeaveDay } from '../../db/models/leave-day.js';
import { type DayResult, evaluateDay } from './evaluate.js';
import { datesBetween, type Half, mergeHalves, type Schedule, type ScheduledPerson } from './schedule.js';

export type DayPerson = ScheduledPerson & { _id?: Types.ObjectId };

/**
 * Day results for many people over a date range with two queries (records, leave), whatever the
 * number of people — the month report and team views build on this.
 */
export async function loadDays(
  people: DayPerson[],
  from: string,
  to: string,
  scheduleOf: (p: ScheduledPerson) => Schedule,
  now: DateTime,
): Promise<Map<string, DayResult[]>> {
  const ids = people.map((p) => p.id);
  const range = { $gte: from, $lte: to };
  const [records, leaves] = await Promise.all([
    AttendanceRecord.find({ ...inList('employeeId', ids), date: range }).lean(),
    LeaveDay.find({ ...inList('employeeId', ids), date: range }, { employeeId: 1, date: 1, half: 1 }).lean(),
  ]);
  const recordOf = new Map(records.map((r) => [`${r.employeeId}|${r.date}`, r]));
  const halvesOf = new Map<string, Half[]>();
  for (const l of leaves) {
    const key = `${l.employeeId}|${l.date}`;
    halvesOf.set(key, [...(halvesOf.get(key) ?? []), l.half as Half]);
  }
  const dates = datesBetween(from, to);
  const out = new Map<string, DayResult[]>();
  for (const p of people) {
    const schedule = scheduleOf(p);
    out.set(
      p.id,
      dates.map((date) => {
        const key = `${p.id}|${date}`;
        const record = recordOf.get(key);
        return evaluateDay({
          date,
          tz: p.timezone,
          schedule,
          record: record && { ...record, status: record.status as 'present' | 'absent' | 'leave' },
          leave: mergeHalves(halvesOf.get(key) ?? []),
          now,
        });
      }),
    );
  }
  return out;
}
