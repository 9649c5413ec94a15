import { describe, expect, it } from 'vitest';
import { AttendanceDay } from '../../../db/models/attendance-day.js';
import { LeaveDay, type LeaveDayDoc } from '../../../db/models/leave-day.js';
import {
  applyMakeupPunch,
  cancelLeave,
  countWorkdays,
  recordApprovedLeave,
} from '../../../flows/attendance/hooks.js';
import { markAbsences } from '../../../flows/attendance/jobs.js';
import { setSchedule } from '../../../flows/attendance/schedule.js';
import { checkIn, checkOut, monthOf } from '../../../flows/attendance/service.js';
import { TEST_START } from '../../helpers/clock.js';
import { useTestDb } from '../../helpers/db.js';
import { at, makeEmployee } from './helpers.js';

useTestDb();
const SH = 'Asia/Shanghai';
const LA = 'America/Los_Angeles';

describe('hooks for approvals', () => {
  it('countWorkdays skips weekends and holidays, honours 调休 and half days', async () => {
    const a = await makeEmployee(SH);
    expect(await countWorkdays(a, '2026-12-03', '2026-12-07')).toBe(3); // Thu, Fri, Mon
    expect(await countWorkdays(a, '2026-12-03', '2026-12-07', 'pm')).toBe(2.5);
    expect(await countWorkdays(a, '2026-12-03', '2026-12-07', 'pm', 'am')).toBe(2);
    expect(await countWorkdays(a, '2026-12-03', '2026-12-03', 'am', 'am')).toBe(0.5);
    // Sep 28–30, Oct 1–7 off (National Day), Oct 8–9, Sat Oct 10 worked (调休)
    expect(await countWorkdays(a, '2026-09-28', '2026-10-11')).toBe(3 + 2 + 1);
    const us = await makeEmployee(LA);
    await setSchedule('employee', us, { calendar: 'US' }, TEST_START);
    expect(await countWorkdays(us, '2026-11-23', '2026-11-27')).toBe(4); // Thanksgiving
    await expect(countWorkdays(a, '2026-12-07', '2026-12-03')).rejects.toThrow(/after/);
    await expect(countWorkdays(a, '2026-13-01', '2026-12-03')).rejects.toThrow();
  });

  it('recordApprovedLeave is idempotent and turns a marked absence into leave; cancel undoes it', async () => {
    const a = await makeEmployee(SH);
    await AttendanceDay.create({ employeeId: a, date: '2026-11-16', status: 'absent' });
    const leave = {
      employeeId: a,
      requestId: 'req-1',
      from: '2026-11-16',
      to: '2026-11-18',
      toHalf: 'am' as const,
    };
    await recordApprovedLeave(leave, TEST_START);
    await recordApprovedLeave(leave, TEST_START);
    const rows = await LeaveDay.find({ employeeId: a }).sort({ date: 1 }).lean<LeaveDayDoc[]>();
    expect(rows.map((r) => [r._id, r.date, r.parts.map((p) => [p.requestId, p.half])])).toEqual([
      [`${a}:2026-11-16`, '2026-11-16', [['req-1', 'full']]],
      [`${a}:2026-11-17`, '2026-11-17', [['req-1', 'full']]],
      [`${a}:2026-11-18`, '2026-11-18', [['req-1', 'am']]],
    ]);
    const marked = await AttendanceDay.findOne({ employeeId: a, date: '2026-11-16' }).lean();
    expect(marked).toMatchObject({ status: 'leave', leaveRequestId: 'req-1' });

    // half-day morning leave moves the expected start to 13:30: a 13:35 arrival is on time
    await checkIn(a, at('2026-11-18 13:35', SH));
    const view = await monthOf(a, at('2026-11-18 20:00', SH));
    const day18 = view.days.find((d) => d.date === '2026-11-18');
    expect(day18).toMatchObject({ status: 'present', late: false, leave: 'am' });
    expect(view.days.find((d) => d.date === '2026-11-17')?.status).toBe('leave');
    expect(view.totals.leaveDays).toBe(2.5);

    await cancelLeave(
      { employeeId: a, requestId: 'req-1', from: '2026-11-16', to: '2026-11-18' },
      TEST_START,
    );
    expect(await LeaveDay.countDocuments({ 'parts.requestId': 'req-1' })).toBe(0);
    expect(await AttendanceDay.findOne({ employeeId: a, date: '2026-11-16' }).lean()).toMatchObject({
      status: 'absent',
    });
  });

  it('afternoon leave moves the expected end: leaving at 13:40 is not early', async () => {
    const a = await makeEmployee(SH);
    await recordApprovedLeave(
      { employeeId: a, requestId: 'req-pm', from: '2026-11-19', to: '2026-11-19', fromHalf: 'pm' },
      TEST_START,
    );
    await checkIn(a, at('2026-11-19 09:00', SH));
    expect(await checkOut(a, at('2026-11-19 13:40', SH))).toMatchObject({ day: { earlyLeave: false } });
  });

  it('rejects bad input without writing', async () => {
    const a = await makeEmployee(SH);
    await expect(
      recordApprovedLeave(
        { employeeId: a, requestId: 'bad', from: '2026-11-20', to: '2026-11-19' },
        TEST_START,
      ),
    ).rejects.toThrow();
    await expect(
      applyMakeupPunch(
        { employeeId: a, requestId: 'bad', date: '2026-11-20', time: '25:00', direction: 'in' },
        TEST_START,
      ),
    ).rejects.toThrow();
    expect(await LeaveDay.countDocuments({ employeeId: a })).toBe(0);
    expect(await AttendanceDay.countDocuments({ employeeId: a })).toBe(0);
  });

  it('applyMakeupPunch writes or corrects a punch, marked made-up, idempotently, in local time', async () => {
    const la = await makeEmployee(LA);
    const punch = {
      employeeId: la,
      requestId: 'mk-1',
      date: '2026-11-02',
      time: '08:58',
      direction: 'in' as const,
    };
    await applyMakeupPunch(punch, TEST_START);
    await applyMakeupPunch(punch, TEST_START);
    await applyMakeupPunch({ ...punch, requestId: 'mk-2', time: '17:30', direction: 'out' }, TEST_START);
    const rows = await AttendanceDay.find({ employeeId: la }).lean();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ date: '2026-11-02', status: 'present', madeUpBy: ['mk-1', 'mk-2'] });
    expect(rows[0]?.checkInAt?.toISOString()).toBe('2026-11-02T16:58:00.000Z'); // PST, UTC-8
    const view = await monthOf(la, at('2026-11-02 20:00', LA));
    expect(view.today).toMatchObject({ status: 'present', madeUp: true, late: false, earlyLeave: true });

    // correcting a marked absence
    const b = await makeEmployee(SH);
    await AttendanceDay.create({ employeeId: b, date: '2026-11-20', status: 'absent' });
    await applyMakeupPunch(
      { employeeId: b, requestId: 'mk-3', date: '2026-11-20', time: '09:00', direction: 'in' },
      TEST_START,
    );
    expect(await AttendanceDay.findOne({ employeeId: b }).lean()).toMatchObject({ status: 'present' });
  });
});

describe('markAbsences', () => {
  it('marks ended workdays with no check-in and no leave, idempotently, and catches up after downtime', async () => {
    const present = await makeEmployee(SH);
    const missing = await makeEmployee(SH);
    const onLeave = await makeEmployee(SH);
    const la = await makeEmployee(LA);
    // Monday 2026-11-09 in Shanghai
    await checkIn(present, at('2026-11-09 09:00', SH));
    await recordApprovedLeave(
      { employeeId: onLeave, requestId: 'lv-9', from: '2026-11-09', to: '2026-11-10' },
      TEST_START,
    );

    // first run at Shanghai 17:00: nobody's day has ended
    expect((await markAbsences(at('2026-11-09 17:00', SH).toJSDate())).marked).toBe(0);
    // Shanghai 18:30: Shanghai's day ended; LA's Monday has not even started
    await markAbsences(at('2026-11-09 18:30', SH).toJSDate());
    const absent = async (id: string) =>
      (await AttendanceDay.find({ employeeId: id, status: 'absent' }).lean()).map((r) => r.date).sort();
    expect(await absent(missing)).toEqual(['2026-11-09']);
    expect(await absent(present)).toEqual([]);
    expect(await absent(onLeave)).toEqual([]);
    expect(await absent(la)).toEqual([]);
    // re-running changes nothing
    expect((await markAbsences(at('2026-11-09 18:30', SH).toJSDate())).marked).toBe(0);

    // the app is down until Thursday morning: Mon (LA), Tue, Wed are caught up
    await markAbsences(at('2026-11-12 08:00', SH).toJSDate());
    expect(await absent(missing)).toEqual(['2026-11-09', '2026-11-10', '2026-11-11']);
    expect(await absent(onLeave)).toEqual(['2026-11-11']);
    // LA Wednesday ends at 18:00 LA = Thursday 10:00 Shanghai: not yet
    expect(await absent(la)).toEqual(['2026-11-09', '2026-11-10']);
    expect(await absent(present)).toEqual(['2026-11-10', '2026-11-11']);
    const again = await markAbsences(at('2026-11-12 08:00', SH).toJSDate());
    expect(again.marked).toBe(0);
    expect(await AttendanceDay.countDocuments({ employeeId: missing })).toBe(3);
  });
});
