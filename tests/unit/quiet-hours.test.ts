import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseQuietHours, quietUntil } from '../../src/bot/quiet-hours.js';

const LA = 'America/Los_Angeles';
const at = (text: string, zone: string) => DateTime.fromISO(text, { zone }).toJSDate();
const NIGHT = { start: '20:00', end: '08:00' };

describe('quiet hours', () => {
  it('wrap midnight: 20:00–08:00 holds 20:00 and 07:59, not 08:00 or 19:59', () => {
    expect(quietUntil(at('2026-12-01T20:00', LA), LA, NIGHT)).toEqual(at('2026-12-02T08:00', LA));
    expect(quietUntil(at('2026-12-02T07:59', LA), LA, NIGHT)).toEqual(at('2026-12-02T08:00', LA));
    expect(quietUntil(at('2026-12-02T08:00', LA), LA, NIGHT)).toBeNull();
    expect(quietUntil(at('2026-12-01T19:59', LA), LA, NIGHT)).toBeNull();
  });

  it('end at the clock time on DST days, both ways', () => {
    // 2026-11-01: clocks fall back at 02:00 in Los Angeles; 2026-03-08: they spring forward
    expect(quietUntil(at('2026-11-01T07:30', LA), LA, NIGHT)).toEqual(at('2026-11-01T08:00', LA));
    expect(quietUntil(at('2026-03-08T01:00', LA), LA, NIGHT)).toEqual(at('2026-03-08T08:00', LA));
  });

  it('a daytime window, and none when start equals end', () => {
    const day = { start: '12:00', end: '13:30' };
    expect(quietUntil(at('2026-12-01T12:10', LA), LA, day)).toEqual(at('2026-12-01T13:30', LA));
    expect(quietUntil(at('2026-12-01T13:30', LA), LA, day)).toBeNull();
    expect(quietUntil(at('2026-12-01T03:00', LA), LA, { start: '00:00', end: '00:00' })).toBeNull();
  });

  it('reads "22:00-7:30", "22：00～07:30" and refuses nonsense', () => {
    expect(parseQuietHours('22:00-7:30')).toEqual({ start: '22:00', end: '07:30' });
    expect(parseQuietHours('22：00～07:30')).toEqual({ start: '22:00', end: '07:30' });
    expect(parseQuietHours('22:00 到 07:30')).toEqual({ start: '22:00', end: '07:30' });
    expect(parseQuietHours('25:00-1')).toBeNull();
    expect(parseQuietHours('evening')).toBeNull();
  });
});
