import { DateTime } from 'luxon';
import { AttendanceDay } from '../../db/models/attendance-day.js';
import { Employee, type EmployeeDoc } from '../../db/models/employee.js';
import { recordApprovedLeave } from './hooks.js';
import { recountMonths } from './rollup.js';
import { datesBetween, isWorkday, loadSchedules } from './schedule.js';

const DAYS = 30;

/** Deterministic "random" minutes, so the demo looks the same on every fresh start. */
const jitter = (seed: number, span: number) => Math.abs(Math.sin(seed * 9301 + 49297) * 233280) % span;

/**
 * The last 30 days (up to yesterday, each person's local days) of attendance for the demo company:
 * mostly on time, some late arrivals and early leaves, a leave through the approvals hook, a
 * half-day, one absence and one missing check-out — so month cards, team views and exports look real. Today is left
 * alone so people can check in themselves.
 */
export async function seedDemoAttendance(now: Date): Promise<void> {
  const people = await Employee.find({ email: /@demo\.example$/ })
    .sort({ email: 1 })
    .lean<EmployeeDoc[]>();
  const scheduleOf = await loadSchedules();
  const docs: object[] = [];
  const byEmail = new Map(people.map((p) => [p.email, String(p._id)]));
  const leaveDates = new Set<string>();
  for (const [i, e] of people.entries()) {
    const id = String(e._id);
    const schedule = scheduleOf({ id, department: e.department, timezone: e.timezone });
    const today = DateTime.fromJSDate(now, { zone: e.timezone }).startOf('day');
    const from = today.minus({ days: DAYS }).toISODate() as string;
    const to = today.minus({ days: 1 }).toISODate() as string;
    const workdays = datesBetween(from, to).filter((d) => isWorkday(schedule, d));
    for (const [j, date] of workdays.entries()) {
      const seed = i * 100 + j;
      if (e.email === 'wu.jun@demo.example' && j === workdays.length - 3) {
        docs.push({ employeeId: id, date, status: 'absent' });
        continue;
      }
      if (e.email === 'alice.chen@demo.example' && (j === 5 || j === 6)) {
        leaveDates.add(date);
        continue;
      }
      // every ~7th day late by 12–40 min, every ~11th an early leave
      const late = seed % 7 === 3 ? 12 + jitter(seed, 28) : -jitter(seed, 25);
      const leaveEarly = seed % 11 === 5;
      const day = DateTime.fromISO(date, { zone: e.timezone });
      const checkIn = day.set({ hour: 9, minute: 0 }).plus({ minutes: Math.round(late) });
      const checkOut = day
        .set({ hour: leaveEarly ? 17 : 18, minute: 0 })
        .plus({ minutes: Math.round(jitter(seed + 1, leaveEarly ? 40 : 90)) });
      // Bob forgot to check out on the last workday: his manager's digest shows it
      const forgot = e.email === 'bob.smith@demo.example' && j === workdays.length - 1;
      docs.push({
        employeeId: id,
        date,
        status: 'present',
        checkInAt: checkIn.toJSDate(),
        checkOutAt: forgot ? null : checkOut.toJSDate(),
      });
    }
  }
  if (docs.length > 0) await AttendanceDay.insertMany(docs, { ordered: false });
  // the month rollups of what was just inserted (a small company: one pass over it)
  await recountMonths(now);
  const alice = byEmail.get('alice.chen@demo.example');
  const [first, last] = [[...leaveDates][0], [...leaveDates].at(-1)];
  if (alice && first && last) {
    await recordApprovedLeave({ employeeId: alice, requestId: 'demo-leave-1', from: first, to: last }, now);
  }
  const zhao = byEmail.get('zhao.lei@demo.example');
  const yesterday = DateTime.fromJSDate(now, { zone: 'Asia/Shanghai' }).minus({ days: 1 });
  const halfDay = (yesterday.weekday > 5 ? yesterday.minus({ days: 3 }) : yesterday).toISODate() as string;
  if (zhao) {
    // a half-day off in the afternoon: the seeded 17:xx/18:xx check-out is not early for them
    await recordApprovedLeave(
      {
        employeeId: zhao,
        requestId: 'demo-leave-2',
        from: halfDay,
        to: halfDay,
        fromHalf: 'pm',
      },
      now,
    );
  }
}
