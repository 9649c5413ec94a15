import { describe, expect, it } from 'vitest';
import { leaveBalanceDigestSections } from '../../../flows/leave-balances/digest.js';
import { deductLeave } from '../../../flows/leave-balances/service.js';
import type { Reader, RunContext } from '../../../src/bot/digest.js';
import { TEST_START } from '../../helpers/clock.js';
import { useTestDb } from '../../helpers/db.js';
import { makeEmployee } from '../attendance/helpers.js';

useTestDb();
const section = leaveBalanceDigestSections[0];

const reader = (id: string, date: string, roles: string[]): Reader => ({
  id,
  name: id,
  locale: 'en',
  timezone: 'Asia/Shanghai',
  roles,
  department: 'HR',
  date,
  since: TEST_START,
});

function runFor(readers: Reader[], staff: { id: string; name: string }[]): RunContext {
  const names = new Map(staff.map((s) => [s.id, s.name]));
  return {
    now: TEST_START,
    readers,
    staff: staff.map((s) => ({
      ...s,
      department: 'QA',
      timezone: 'Asia/Shanghai',
      managerId: null,
      joined: '2026-01-01',
    })),
    names,
    nameOf: (id) => names.get(String(id)) ?? '?',
  };
}

describe('the HR digest section: carried-over leave about to lapse', () => {
  it('lists, for HR and admins only, carried days lapsing within 30 days, soonest first', async () => {
    const [used, idle, spent] = [await makeEmployee(), await makeEmployee(), await makeEmployee()];
    const took = (employeeId: string, no: string, days: number, year: number, date: string) =>
      deductLeave(
        {
          no,
          employeeId,
          balance: {
            kind: 'annual',
            label: { 'zh-CN': '年假', en: 'annual leave' },
            parts: [{ year, days, date, before: 0, after: 0 }],
            extraStep: false,
            unit: 'days',
            hoursPerDay: 8,
          },
        },
        TEST_START,
      );
    await took(used, 'AP-1', 8, 2026, '2026-08-03'); // carries 2 into 2027
    await took(spent, 'AP-2', 5, 2027, '2027-02-01'); // carried 5, used them all in February
    const staff = [
      { id: used, name: 'Used' },
      { id: idle, name: 'Idle' },
      { id: spent, name: 'Spent' },
    ];
    const hr = reader('hr', '2027-03-10', ['hr']);
    const early = reader('early', '2027-02-01', ['admin']);
    const plain = reader('plain', '2027-03-10', ['employee']);
    const out = await section?.load(runFor([hr, early, plain], staff));
    expect(out?.get('hr')).toEqual({
      title: 'Carried-over leave about to lapse',
      lines: [
        'Used · annual leave 2 d, lapse after 2027-03-31',
        'Idle · annual leave 5 d, lapse after 2027-03-31',
      ],
    });
    expect(out?.has('early')).toBe(false); // 31 March is more than 30 days away
    expect(out?.has('plain')).toBe(false);
  });
});
