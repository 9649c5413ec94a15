import { describe, expect, it } from 'vitest';
import { LeaveYear, type LeaveYearDoc } from '../../../db/models/leave-year.js';
import { balancesOf, recordEvent } from '../../../flows/leave-balances/ledger.js';
import { DEFAULT_LEAVE_POLICY, type LeavePolicy } from '../../../flows/leave-balances/policy.js';
import {
  type BalanceRecord,
  checkLeaveBalance,
  deductLeave,
  holdLeave,
  moveLeaveHold,
  restoreLeave,
} from '../../../flows/leave-balances/service.js';
import { TEST_START } from '../../helpers/clock.js';
import { useTestDb } from '../../helpers/db.js';
import { makeEmployee } from '../attendance/helpers.js';

useTestDb();
const policy: LeavePolicy = DEFAULT_LEAVE_POLICY; // annual: 10 a year, monthly, carry ≤ 5 until 03-31
const annual = async (employeeId: string, year: number, asOf: string) =>
  (await balancesOf(policy, employeeId, year, asOf)).find((b) => b.kind === 'annual');

/** A request's balance record as the leave type keeps it, for driving the hooks directly. */
const leaveOf = (days: number, year: number, date: string): BalanceRecord => ({
  kind: 'annual',
  label: { 'zh-CN': '年假', en: 'annual leave' },
  parts: [{ year, days, date, before: 0, after: 0 }],
  extraStep: false,
  unit: 'days',
  hoursPerDay: 8,
});

describe('leave balances against the store', () => {
  it('accrues a twelfth on the first of each month: 30 Nov and 1 Dec differ by one month', async () => {
    const a = await makeEmployee();
    expect(await annual(a, 2026, '2026-11-30')).toMatchObject({ accrued: 9.17, available: 9.17 });
    expect(await annual(a, 2026, '2026-12-01')).toMatchObject({ accrued: 10, available: 10 });
    expect(await annual(a, 2026, '2026-01-01')).toMatchObject({ accrued: 0.83 });
    // sick leave is granted yearly: all of it on 1 January
    const sick = (await balancesOf(policy, a, 2026, '2026-01-01')).find((b) => b.kind === 'sick');
    expect(sick).toMatchObject({ accrued: 5, available: 5, carriedIn: 0 });
  });

  it('carries unused days over the year end, capped, used first, and lapsing after 31 March', async () => {
    const a = await makeEmployee();
    // 2026: 3 days taken, 1 withdrawn (restored): 7 unused → 5 carried (the cap)
    await holdLeave({ no: 'AP-1', employeeId: a, balance: leaveOf(3, 2026, '2026-06-01') }, TEST_START);
    await deductLeave({ no: 'AP-1', employeeId: a, balance: leaveOf(3, 2026, '2026-06-01') }, TEST_START);
    await holdLeave({ no: 'AP-2', employeeId: a, balance: leaveOf(1, 2026, '2026-07-01') }, TEST_START);
    await restoreLeave({ no: 'AP-2', employeeId: a, balance: leaveOf(1, 2026, '2026-07-01') }, TEST_START);
    expect(await annual(a, 2026, '2026-12-31')).toMatchObject({ taken: 3, pending: 0, available: 7 });

    const newYear = await annual(a, 2027, '2027-01-01');
    expect(newYear).toMatchObject({ carriedIn: 5, accrued: 0.83, expiresOn: '2027-03-31', expiring: 5 });
    expect(newYear?.available).toBe(5.83);

    // 2 days in February use carried days; the other 3 lapse after 31 March
    await deductLeave({ no: 'AP-3', employeeId: a, balance: leaveOf(2, 2027, '2027-02-10') }, TEST_START);
    expect(await annual(a, 2027, '2027-03-31')).toMatchObject({ carriedUsed: 2, expiring: 3, expired: 0 });
    expect(await annual(a, 2027, '2027-04-01')).toMatchObject({
      accrued: 3.33,
      carriedIn: 5,
      expired: 3,
      expiring: 0,
      taken: 2,
      available: 3.33,
    });

    // little unused in 2026 carries little: someone who took 8 carries 2
    const b = await makeEmployee();
    await deductLeave({ no: 'AP-4', employeeId: b, balance: leaveOf(8, 2026, '2026-05-04') }, TEST_START);
    expect(await annual(b, 2027, '2027-01-01')).toMatchObject({ carriedIn: 2 });
    // HR's opening balance counts as the year's own days: 3 more make 5 carried
    await recordEvent(
      {
        employeeId: b,
        no: 'opening',
        kind: 'annual',
        event: 'adjust',
        parts: [{ year: 2026, days: 3, date: '2026-01-01' }],
      },
      TEST_START,
    );
    expect(await annual(b, 2026, '2026-12-31')).toMatchObject({ adjusted: 3, available: 5 });
    expect(await annual(b, 2027, '2027-01-01')).toMatchObject({ carriedIn: 5 });
  });

  it('writes each event once: retried hooks change nothing', async () => {
    const a = await makeEmployee();
    const hook = { no: 'AP-9', employeeId: a, balance: leaveOf(2, 2026, '2026-12-07') };
    await Promise.all([holdLeave(hook, TEST_START), holdLeave(hook, TEST_START)]);
    await deductLeave(hook, TEST_START);
    await deductLeave(hook, TEST_START);
    const doc = await LeaveYear.findById(`${a}:2026`).lean<LeaveYearDoc>();
    expect(doc?.entries.map((e) => e.key)).toEqual(['AP-9:annual:hold', 'AP-9:annual:deduct']);
    expect(await annual(a, 2026, '2026-12-02')).toMatchObject({ taken: 2, pending: 0, available: 8 });
  });

  it('a resubmission is checked without its own hold, and moves it to its revision once', async () => {
    const a = await makeEmployee();
    const ask = { employeeId: a, kind: 'annual', reason: '', today: '2026-12-02', from: '2026-12-07' };
    await holdLeave({ no: 'AP-7', employeeId: a, balance: leaveOf(6, 2026, '2026-12-07') }, TEST_START);
    const again = await checkLeaveBalance({
      ...ask,
      to: '2026-12-09',
      days: 3,
      resubmitting: { no: 'AP-7', revision: 2 },
    });
    expect(again).toMatchObject({ revision: 2, parts: [{ before: 10, after: 7 }] });
    // another request is still checked against AP-7's hold
    expect((await checkLeaveBalance({ ...ask, to: '2026-12-09', days: 3 }))?.parts[0]?.before).toBe(4);

    const move = { no: 'AP-7', employeeId: a, from: leaveOf(6, 2026, '2026-12-07'), to: again ?? undefined };
    await moveLeaveHold(move, TEST_START);
    await moveLeaveHold(move, TEST_START); // a retry
    const doc = await LeaveYear.findById(`${a}:2026`).lean<LeaveYearDoc>();
    expect(doc?.entries.map((e) => `${e.key} ${e.days}`)).toEqual([
      'AP-7:annual:hold 6',
      'AP-7:r2:annual:hold 3',
      'AP-7:annual:restore 6',
    ]);
    expect(await annual(a, 2026, '2026-12-02')).toMatchObject({ pending: 3, available: 7 });
    await deductLeave({ no: 'AP-7', employeeId: a, balance: again as BalanceRecord }, TEST_START);
    expect(await annual(a, 2026, '2026-12-02')).toMatchObject({ taken: 3, pending: 0, available: 7 });
  });

  it('checks a request: before and after, split over New Year, refused below zero with nothing written', async () => {
    const a = await makeEmployee();
    const ask = { employeeId: a, kind: 'annual', reason: '', today: '2026-12-02' };
    const ok = await checkLeaveBalance({ ...ask, from: '2026-12-03', to: '2026-12-04', days: 2 });
    expect(ok?.parts).toEqual([{ year: 2026, days: 2, date: '2026-12-03', before: 10, after: 8 }]);
    expect(ok?.extraStep).toBe(false);

    // Thu 31 Dec 2026 to Mon 4 Jan 2027 (the calendar has no 2027 holidays yet: Fri 1 Jan is worked)
    const split = await checkLeaveBalance({ ...ask, from: '2026-12-31', to: '2027-01-04', days: 3 });
    expect(split?.parts.map((p) => [p.year, p.days, p.date, p.before])).toEqual([
      [2026, 1, '2026-12-31', 10],
      [2027, 2, '2027-01-01', 5.83],
    ]);

    await expect(
      checkLeaveBalance({ ...ask, from: '2026-12-07', to: '2026-12-18', days: 10.5 }),
    ).rejects.toMatchObject({
      code: 'leave.balance_short',
      userMessage: {
        en: 'Not enough annual leave: you have 10 d, this takes 10.5 d, which would leave -0.5 d.',
      },
    });
    expect(await LeaveYear.findById(`${a}:2026`).lean()).toBeNull();

    // sick leave over its balance is allowed, with HR as an extra step
    const sick = await checkLeaveBalance({
      ...ask,
      kind: 'sick',
      from: '2026-12-07',
      to: '2026-12-14',
      days: 6,
    });
    expect(sick).toMatchObject({ extraStep: true, parts: [{ before: 5, after: -1 }] });
    // a kind without a balance is not checked
    expect(
      await checkLeaveBalance({ ...ask, kind: 'personal', from: '2026-12-07', to: '2026-12-08', days: 2 }),
    ).toBeNull();
  });
});
