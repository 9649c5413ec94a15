import { describe, expect, it } from 'vitest';
import { AttendanceDay } from '../../../db/models/attendance-day.js';
import { markAbsences } from '../../../flows/attendance/jobs.js';
import { checkIn } from '../../../flows/attendance/service.js';
import { useTestDb } from '../../helpers/db.js';
import { at, makeEmployee } from './helpers.js';

useTestDb();
const LA = 'America/Los_Angeles';

describe('markAbsences around the US DST switch and a late arrival', () => {
  it('marks a Los Angeles day at its own 18:00, in PDT before the switch and PST after', async () => {
    const la = await makeEmployee(LA);
    const dates = async () =>
      (await AttendanceDay.find({ employeeId: la, status: 'absent' }).lean()).map((r) => r.date).sort();
    // the first run looks back one day: Thursday 10-29; Friday 10-30 ends 18:00 PDT = 01:00Z on the 31st
    await markAbsences(new Date('2026-10-31T00:59:00Z'));
    expect(await dates()).toEqual(['2026-10-29']);
    await markAbsences(new Date('2026-10-31T01:01:00Z'));
    expect(await dates()).toEqual(['2026-10-29', '2026-10-30']);
    // the weekend of the switch is not a workday; Monday 2026-11-02 ends 18:00 PST = 02:00Z on the 3rd
    await markAbsences(new Date('2026-11-03T01:59:00Z'));
    expect(await dates()).toEqual(['2026-10-29', '2026-10-30']);
    await markAbsences(new Date('2026-11-03T02:01:00Z'));
    expect(await dates()).toEqual(['2026-10-29', '2026-10-30', '2026-11-02']);
  });

  it('a check-in after the day was marked absent turns it into present', async () => {
    const la = await makeEmployee(LA);
    await markAbsences(new Date('2026-11-04T01:00:00Z')); // cursor set; Tue 11-03 ends 02:00Z on the 4th
    await markAbsences(new Date('2026-11-04T02:30:00Z'));
    expect(await AttendanceDay.findOne({ employeeId: la, date: '2026-11-03' }).lean()).toMatchObject({
      status: 'absent',
    });
    const late = await checkIn(la, at('2026-11-03 18:45', LA));
    expect(late).toMatchObject({ kind: 'checked-in', day: { status: 'present', late: true } });
    expect(await AttendanceDay.countDocuments({ employeeId: la, date: '2026-11-03' })).toBe(1);
  });
});
