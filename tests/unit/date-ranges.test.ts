import { describe, expect, it } from 'vitest';
import { datesBetween, MAX_RANGE_DAYS } from '../../flows/attendance/schedule.js';

describe('datesBetween', () => {
  it('walks a month, across a year end, inclusive', () => {
    expect(datesBetween('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(datesBetween('2026-02-01', '2026-02-28')).toHaveLength(28);
  });

  it('ends at the last day of year 9999 (the next one, +010000-01-01, sorts before it as text)', () => {
    expect(datesBetween('9999-12-30', '9999-12-31')).toEqual(['9999-12-30', '9999-12-31']);
  });

  it('refuses a range longer than the cap instead of looping over it', () => {
    expect(() => datesBetween('2000-01-01', '2090-12-31')).toThrow(/date range over/);
    const longest = new Date(Date.parse('2020-01-01T00:00:00Z') + MAX_RANGE_DAYS * 86_400_000);
    expect(datesBetween('2020-01-01', longest.toISOString().slice(0, 10))).toHaveLength(MAX_RANGE_DAYS + 1);
  });

  it('a reversed or unreadable range is empty', () => {
    expect(datesBetween('2026-12-05', '2026-12-01')).toEqual([]);
    expect(datesBetween('2026-99-99', '2026-12-01')).toEqual([]);
  });
});
