import { describe, expect, it } from 'vitest';
import { AttendanceDay } from '../../../db/models/attendance-day.js';
import { setSchedule } from '../../../flows/attendance/schedule.js';
import { checkIn, checkOut, monthOf } from '../../../flows/attendance/service.js';
import { TEST_START } from '../../helpers/clock.js';
import { useTestDb } from '../../helpers/db.js';
import { at, makeEmployee } from './helpers.js';

useTestDb();
const SH = 'Asia/Shanghai';
const LA = 'America/Los_Angeles';

describe('check in and out (service, controlled clock)', () => {
  it('is on time within the grace, late after it, and shows hours and early leave', async () => {
    const a = await makeEmployee(SH);
    const onTime = await checkIn(a, at('2026-11-23 09:10', SH), '浦东办公室');
    expect(onTime).toMatchObject({ kind: 'checked-in', day: { date: '2026-11-23', late: false } });
    const b = await makeEmployee(SH);
    const late = await checkIn(b, at('2026-11-23 09:11', SH));
    expect(late).toMatchObject({ kind: 'checked-in', day: { late: true } });
    const out = await checkOut(b, at('2026-11-23 17:11', SH));
    expect(out).toMatchObject({ kind: 'checked-out', day: { earlyLeave: true, minutesWorked: 480 } });
    const record = await AttendanceDay.findOne({ employeeId: a }).lean();
    expect(record?.checkInNote).toBe('浦东办公室');
  });

  it('a second check-in writes nothing and reports the first time', async () => {
    const a = await makeEmployee(SH);
    await checkIn(a, at('2026-11-24 08:55', SH));
    const again = await checkIn(a, at('2026-11-24 09:30', SH), 'again');
    expect(again.kind).toBe('already');
    if (again.kind !== 'already') return;
    expect(again.day.checkIn?.toFormat('HH:mm')).toBe('08:55');
    const rows = await AttendanceDay.find({ employeeId: a }).lean();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.checkInNote).toBe('');
  });

  it('two simultaneous check-ins make one record', async () => {
    const a = await makeEmployee(SH);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => checkIn(a, at('2026-11-25 09:00', SH))),
    );
    expect(results.filter((r) => r.kind === 'checked-in')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'already')).toHaveLength(4);
    expect(await AttendanceDay.countDocuments({ employeeId: a })).toBe(1);
  });

  it('check-out without a check-in writes nothing', async () => {
    const a = await makeEmployee(SH);
    expect(await checkOut(a, at('2026-11-25 18:00', SH))).toEqual({
      kind: 'no-check-in',
      date: '2026-11-25',
    });
    expect(await AttendanceDay.countDocuments({ employeeId: a })).toBe(0);
  });

  it('the local day is the employee’s: a Los Angeles evening is the same LA day, another Shanghai day', async () => {
    const la = await makeEmployee(LA);
    // 2026-11-02 23:30 in LA is 2026-11-03 15:30 in Shanghai
    const r = await checkIn(la, at('2026-11-02 23:30', LA));
    expect(r).toMatchObject({ kind: 'checked-in', day: { date: '2026-11-02' } });
    const next = await checkIn(la, at('2026-11-03 00:10', LA));
    expect(next).toMatchObject({ kind: 'checked-in', day: { date: '2026-11-03' } });
  });

  it('around Shanghai midnight: 23:59 and 00:01 are two local days, each with its own check-in', async () => {
    const a = await makeEmployee(SH);
    expect(await checkIn(a, at('2026-11-24 23:59', SH))).toMatchObject({ day: { date: '2026-11-24' } });
    expect(await checkIn(a, at('2026-11-25 00:01', SH))).toMatchObject({
      kind: 'checked-in',
      day: { date: '2026-11-25', late: false },
    });
  });

  it('around the US DST switch (2026-11-01) 09:00 stays 09:00 local', async () => {
    const la = await makeEmployee(LA);
    // Friday before (PDT, UTC-7) and Monday after (PST, UTC-8), both 09:05 local: on time
    const fri = await checkIn(la, at('2026-10-30 09:05', LA));
    const mon = await checkIn(la, at('2026-11-02 09:05', LA));
    expect(fri).toMatchObject({ kind: 'checked-in', day: { late: false } });
    expect(mon).toMatchObject({ kind: 'checked-in', day: { late: false } });
    expect('day' in fri && fri.day.checkIn?.toUTC().hour).toBe(16);
    expect('day' in mon && mon.day.checkIn?.toUTC().hour).toBe(17);
    // 09:15 local after the switch is late even though it is 09:15 PDT-equivalent 10:15
    const la2 = await makeEmployee(LA);
    expect(await checkIn(la2, at('2026-11-02 09:15', LA))).toMatchObject({ day: { late: true } });
    // a check-out at 18:30 on the Sunday of the switch (a 25-hour day) counts real hours
    const la3 = await makeEmployee(LA);
    expect(await checkIn(la3, at('2026-11-01 00:30', LA))).toMatchObject({ kind: 'checked-in' });
    const out = await checkOut(la3, at('2026-11-01 03:30', LA));
    expect(out).toMatchObject({ kind: 'checked-out', day: { minutesWorked: 240, workday: false } });
  });

  it('just after midnight, before the day starts, check-out closes yesterday’s open day', async () => {
    const a = await makeEmployee(SH);
    await checkIn(a, at('2026-11-26 09:00', SH));
    const out = await checkOut(a, at('2026-11-27 00:40', SH));
    expect(out).toMatchObject({ kind: 'checked-out', day: { date: '2026-11-26', minutesWorked: 940 } });
  });

  it('department and employee schedules override the company default', async () => {
    await setSchedule('department', 'Late Starters', { start: '10:00', end: '19:00' }, TEST_START);
    const d = await makeEmployee(SH, { department: 'Late Starters' });
    expect(await checkIn(d, at('2026-11-23 10:05', SH))).toMatchObject({ day: { late: false } });
    const e = await makeEmployee(SH, { department: 'Late Starters' });
    await setSchedule('employee', e, { start: '08:00', graceMinutes: 0 }, TEST_START);
    expect(await checkIn(e, at('2026-11-23 08:01', SH))).toMatchObject({ day: { late: true } });
  });

  it('holidays and make-up workdays (调休) follow the calendar', async () => {
    const a = await makeEmployee(SH);
    // 2026-10-01 National Day (Thu) is off; 2026-10-10 (Sat) is a make-up workday
    expect(await checkIn(a, at('2026-10-01 11:00', SH))).toMatchObject({
      day: { workday: false, late: false },
    });
    expect(await checkIn(a, at('2026-10-10 11:00', SH))).toMatchObject({
      day: { workday: true, late: true },
    });
  });

  it('month view counts present, late, early and hours up to today', async () => {
    const a = await makeEmployee(SH);
    await checkIn(a, at('2026-11-23 09:30', SH));
    await checkOut(a, at('2026-11-23 18:30', SH));
    await checkIn(a, at('2026-11-24 09:00', SH));
    await checkOut(a, at('2026-11-24 17:00', SH));
    const view = await monthOf(a, at('2026-11-24 20:00', SH));
    expect(view.month).toBe('2026-11');
    expect(view.totals).toMatchObject({ present: 2, late: 1, earlyLeave: 1, hours: 17, absent: 0 });
    expect(view.days.at(-1)?.date).toBe('2026-11-24');
  });
});
