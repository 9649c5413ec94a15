import { describe, expect, it } from 'vitest';
import { addWorkingHours, workingHoursBetween } from '../../../flows/attendance/api.js';
import { COMPANY_SCHEDULE } from '../../../flows/attendance/schedule.js';

const SH = 'Asia/Shanghai';
const at = (iso: string) => new Date(`${iso}+08:00`);

describe('working hours (09:00–18:00, Mon–Fri, CN calendar)', () => {
  it('skip nights and weekends', () => {
    const friday = at('2026-12-04T17:00:00');
    expect(addWorkingHours(COMPANY_SCHEDULE, SH, friday, 2)).toEqual(at('2026-12-07T10:00:00'));
    expect(workingHoursBetween(COMPANY_SCHEDULE, SH, friday, at('2026-12-07T10:00:00'))).toBe(2);
    // a start before the day begins counts from 09:00
    // a working day is 9 hours (09:00–18:00)
    expect(addWorkingHours(COMPANY_SCHEDULE, SH, at('2026-12-02T06:00:00'), 18)).toEqual(
      at('2026-12-03T18:00:00'),
    );
  });

  it('skip holidays and count make-up workdays (调休)', () => {
    // 国庆 1–7 October are off; Saturday 10 October is worked
    expect(addWorkingHours(COMPANY_SCHEDULE, SH, at('2026-09-30T17:00:00'), 2)).toEqual(
      at('2026-10-08T10:00:00'),
    );
    expect(
      workingHoursBetween(COMPANY_SCHEDULE, SH, at('2026-10-09T09:00:00'), at('2026-10-12T09:00:00')),
    ).toBe(18);
  });

  it('read the day in the person’s own zone', () => {
    const la = 'America/Los_Angeles';
    const us = { ...COMPANY_SCHEDULE, calendar: 'US' };
    // 17:00 Friday in Los Angeles, 2 working hours: Monday 10:00 there
    expect(addWorkingHours(us, la, new Date('2026-12-05T01:00:00Z'), 2)).toEqual(
      new Date('2026-12-07T18:00:00Z'),
    );
    expect(
      workingHoursBetween(us, la, new Date('2026-12-05T01:00:00Z'), new Date('2026-12-05T01:00:00Z')),
    ).toBe(0);
  });
});
