import { describe, expect, it } from 'vitest';
import { AttendanceDay } from '../../../db/models/attendance-day.js';
import { type AttendanceMonthDoc, decodeDays, monthRollups } from '../../../db/models/attendance-month.js';
import { Employee } from '../../../db/models/employee.js';
import { LeaveDay } from '../../../db/models/leave-day.js';
import { totalsOf } from '../../../flows/attendance/evaluate.js';
import { applyMakeupPunch, cancelLeave, recordApprovedLeave } from '../../../flows/attendance/hooks.js';
import { markAbsences } from '../../../flows/attendance/jobs.js';
import { monthSummary } from '../../../flows/attendance/report.js';
import { recountMonths } from '../../../flows/attendance/rollup.js';
import { checkIn, checkOut, monthOf } from '../../../flows/attendance/service.js';
import { TEST_START } from '../../helpers/clock.js';
import { useTestDb } from '../../helpers/db.js';
import { at, makeEmployee } from './helpers.js';

useTestDb();
const SH = 'Asia/Shanghai';
const LA = 'America/Los_Angeles';
/** December: November is a closed month, judged in full. */
const DECEMBER = at('2026-12-02 10:00', SH);

const rollupOf = (id: string, month = '2026-11') =>
  monthRollups(month).findById(`${id}:${month}`).lean<AttendanceMonthDoc>();

/** What the month's rollups hold now, to compare before and after a recount. */
const snapshot = async (month = '2026-11') =>
  (await monthRollups(month).find({}).sort({ _id: 1 }).lean<AttendanceMonthDoc[]>()).map((m) => ({
    id: m._id,
    days: m.days,
    totals: m.totals,
  }));

describe('natural keys', () => {
  it('keys a day and its leave by employee and date, and a month rollup by employee and month', async () => {
    const a = await makeEmployee(SH);
    await checkIn(a, at('2026-11-23 09:00', SH), '浦东');
    await recordApprovedLeave(
      { employeeId: a, requestId: 'L1', from: '2026-11-24', to: '2026-11-24' },
      TEST_START,
    );
    expect(await AttendanceDay.findById(`${a}:2026-11-23`).lean()).toMatchObject({
      status: 'present',
      checkInNote: '浦东',
    });
    expect(await LeaveDay.findById(`${a}:2026-11-24`).lean()).toMatchObject({
      parts: [{ requestId: 'L1', half: 'full' }],
    });
    const month = await rollupOf(a);
    expect(decodeDays('2026-11', month?.days ?? '').map((e) => [e.date, e.status, e.leave])).toEqual([
      ['2026-11-23', 'present', null],
      ['2026-11-24', null, 'full'],
    ]);
    expect(month?.totals).toMatchObject({ present: 1, late: 0, leaveDays: 1 });
  });
});

describe('month rollups', () => {
  it('every write path leaves them equal to a full recount, and their counts equal judging every day', async () => {
    const a = await makeEmployee(SH);
    const b = await makeEmployee(LA);
    const c = await makeEmployee(SH);
    // a: on time, late, early; a half day off; a made-up check-in and check-out
    await checkIn(a, at('2026-11-02 08:58', SH));
    await checkOut(a, at('2026-11-02 18:10', SH));
    await checkIn(a, at('2026-11-03 09:25', SH));
    await checkOut(a, at('2026-11-03 17:00', SH));
    await recordApprovedLeave(
      { employeeId: a, requestId: 'LV-a', from: '2026-11-04', to: '2026-11-04', toHalf: 'am' },
      TEST_START,
    );
    await checkIn(a, at('2026-11-04 13:20', SH));
    const punch = {
      employeeId: a,
      requestId: 'MK-a',
      date: '2026-11-05',
      time: '09:00',
      direction: 'in' as const,
    };
    await applyMakeupPunch(punch, TEST_START);
    await applyMakeupPunch({ ...punch, requestId: 'MK-b', time: '18:00', direction: 'out' }, TEST_START);
    // b (Los Angeles): marked absent by the job, then arrives very late; another absence becomes leave
    await markAbsences(at('2026-11-10 12:00', SH).toJSDate());
    await markAbsences(at('2026-11-11 12:00', SH).toJSDate());
    await checkIn(b, at('2026-11-09 19:30', LA));
    await recordApprovedLeave(
      { employeeId: b, requestId: 'LV-b', from: '2026-11-10', to: '2026-11-10' },
      TEST_START,
    );
    // c: a leave approved and then cancelled over a marked absence
    await recordApprovedLeave(
      { employeeId: c, requestId: 'LV-c', from: '2026-11-10', to: '2026-11-10' },
      TEST_START,
    );
    await cancelLeave({ employeeId: c, requestId: 'LV-c', from: '2026-11-10', to: '2026-11-10' }, TEST_START);

    const written = await snapshot();
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(await recountMonths(TEST_START, '2026-11')).toMatchObject({ rewritten: 0 });
    expect(await snapshot()).toEqual(written);

    for (const id of [a, b, c]) {
      const view = await monthOf(id, DECEMBER, '2026-11');
      expect(view.totals).toEqual(totalsOf(view.days));
    }
    const viewA = await monthOf(a, DECEMBER, '2026-11');
    expect(viewA.totals).toMatchObject({ present: 4, late: 1, earlyLeave: 1, leaveDays: 0.5 });
    expect(viewA.days.find((d) => d.date === '2026-11-05')).toMatchObject({
      madeUp: true,
      minutesWorked: 540,
    });
    expect((await monthOf(b, DECEMBER, '2026-11')).days.filter((d) => d.date <= '2026-11-10')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: '2026-11-09', status: 'present', late: true }),
        expect.objectContaining({ date: '2026-11-10', status: 'leave' }),
      ]),
    );
    expect((await monthOf(c, DECEMBER, '2026-11')).days.find((d) => d.date === '2026-11-10')?.status).toBe(
      'absent',
    );
    expect(viewA.totals).toMatchObject({ absent: 2 }); // 11-09 and 11-10, marked by the job
    // the summary reads the stored counts: the same figures as judging every day
    const summary = await monthSummary('2026-11', 'QA', DECEMBER);
    for (const id of [a, b, c]) {
      const email = (await Employee.findById(id).lean())?.email;
      const row = summary.employees.find((e) => e.email === email);
      expect(row).toMatchObject((await monthOf(id, DECEMBER, '2026-11')).totals);
    }
  });

  it('parallel writes to one person-month all land in it', async () => {
    const a = await makeEmployee(SH);
    // one moment (one clock): a check-in, two made-up punches, two leaves of the same month at once
    const now = at('2026-11-20 09:00', SH);
    const makeup = (date: string, requestId: string) =>
      applyMakeupPunch({ employeeId: a, requestId, date, time: '09:05', direction: 'in' }, now.toJSDate());
    await Promise.all([
      checkIn(a, now),
      makeup('2026-11-16', 'MK-1'),
      makeup('2026-11-17', 'MK-2'),
      recordApprovedLeave(
        { employeeId: a, requestId: 'LV-1', from: '2026-11-18', to: '2026-11-19' },
        now.toJSDate(),
      ),
      recordApprovedLeave(
        { employeeId: a, requestId: 'LV-2', from: '2026-11-20', to: '2026-11-20', fromHalf: 'pm' },
        now.toJSDate(),
      ),
    ]);
    const days = decodeDays('2026-11', (await rollupOf(a))?.days ?? '');
    expect(days.map((d) => [d.date, d.status, d.leave])).toEqual([
      ['2026-11-16', 'present', null],
      ['2026-11-17', 'present', null],
      ['2026-11-18', null, 'full'],
      ['2026-11-19', null, 'full'],
      ['2026-11-20', 'present', 'pm'],
    ]);
    expect(await recountMonths(TEST_START, '2026-11')).toMatchObject({ rewritten: 0 });
  });

  it('a recount repairs a rollup a crash left behind, and empties one with nothing behind it', async () => {
    const a = await makeEmployee(SH);
    const b = await makeEmployee(SH);
    await checkIn(a, at('2026-10-12 09:40', SH));
    await checkIn(b, at('2026-10-13 09:00', SH));
    const right = await rollupOf(a, '2026-10');
    // a crash between a day's write and its rollup; a rollup whose day was removed by hand
    await monthRollups('2026-10').updateOne(
      { _id: `${a}:2026-10` },
      { $set: { days: '', 'totals.present': 0, 'totals.late': 0 } },
    );
    await AttendanceDay.deleteOne({ _id: `${b}:2026-10-13` });

    expect(await recountMonths(TEST_START, '2026-10')).toMatchObject({ rewritten: 2 });
    expect(await rollupOf(a, '2026-10')).toMatchObject({ days: right?.days, totals: right?.totals });
    expect(await rollupOf(b, '2026-10')).toMatchObject({ days: '', totals: { present: 0 } });
    expect((await monthOf(a, DECEMBER, '2026-10')).totals).toMatchObject({ present: 1, late: 1 });
    expect(await recountMonths(TEST_START)).toMatchObject({ rewritten: 0 });
  });
});
