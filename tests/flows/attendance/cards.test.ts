import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { describeDay } from '../../../flows/attendance/cards.js';
import type { DayResult } from '../../../flows/attendance/evaluate.js';

const at = (hm: string) => DateTime.fromISO(`2026-12-01T${hm}`, { zone: 'Asia/Shanghai' });
// a morning off, in at 13:05, out at 18:10: a half day, worked 5.1 hours
const day: DayResult = {
  date: '2026-12-01',
  workday: true,
  status: 'present',
  leave: 'am',
  checkIn: at('13:05'),
  checkOut: at('18:10'),
  late: false,
  earlyLeave: false,
  minutesWorked: 305,
  madeUp: false,
};

describe('a day in one line', () => {
  it('says the hours and which half was off in the reader’s language', () => {
    expect(describeDay('zh-CN', day)).toBe('13:05–18:10 · 5.1 小时 · 半天假（上午）');
    expect(describeDay('en', { ...day, leave: 'pm' })).toBe(
      '13:05–18:10 · 5.1h · half-day leave (afternoon)',
    );
  });
});
