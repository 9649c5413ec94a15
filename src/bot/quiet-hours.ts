import { DateTime } from 'luxon';

export type QuietHours = { start: string; end: string };

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * When the person's quiet hours end, if `at` falls inside them (local time, wrapping midnight:
 * 20:00–08:00 holds 23:00 and 07:59); null when it does not. Equal start and end = never quiet.
 * @example quietUntil(new Date('2026-12-01T14:00:00Z'), 'Asia/Shanghai', { start: '20:00', end: '08:00' })
 *   // 2026-12-02T00:00:00Z (08:00 in Shanghai)
 */
export function quietUntil(at: Date, tz: string, quiet: QuietHours): Date | null {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return null;
  const local = DateTime.fromJSDate(at, { zone: tz });
  const now = local.hour * 60 + local.minute;
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return null;
  // clock time, not minutes since midnight: on a DST day those differ by an hour
  const endToday = local.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
  return (endToday > local ? endToday : endToday.plus({ days: 1 })).toJSDate();
}

export function parseQuietHours(text: string): QuietHours | null {
  const m = text
    .trim()
    .match(/^([01]?\d|2[0-3])[:：]([0-5]\d)\s*[-–~～到至]\s*([01]?\d|2[0-3])[:：]([0-5]\d)$/);
  if (!m) return null;
  const pad = (h: string, min: string) => `${h.padStart(2, '0')}:${min}`;
  return { start: pad(m[1] as string, m[2] as string), end: pad(m[3] as string, m[4] as string) };
}
