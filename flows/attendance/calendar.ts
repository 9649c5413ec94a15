import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const calendarSchema = z.object({
  /** Days off that would otherwise be workdays. */
  holidays: z.array(z.object({ date: isoDate, name: z.string() })),
  /** Make-up workdays (调休): weekend days that are worked. */
  workdays: z.array(z.object({ date: isoDate, name: z.string() })),
});
export type HolidayCalendar = z.infer<typeof calendarSchema>;

const span = (from: number, to: number, month: string, name: string) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    date: `2026-${month}-${String(from + i).padStart(2, '0')}`,
    name,
  }));

/**
 * Calendars by id; a schedule names one. CN follows the State Council's 2026 holiday notice
 * (国办发明电〔2025〕…): edit here when next year's notice is published. Validated at import, so a
 * typo stops start-up instead of silently making a holiday a workday.
 */
export const CALENDARS: Record<string, HolidayCalendar> = Object.fromEntries(
  Object.entries({
    CN: {
      holidays: [
        ...span(1, 3, '01', '元旦'),
        ...span(15, 23, '02', '春节'),
        ...span(4, 6, '04', '清明节'),
        ...span(1, 5, '05', '劳动节'),
        ...span(19, 21, '06', '端午节'),
        ...span(25, 27, '09', '中秋节'),
        ...span(1, 7, '10', '国庆节'),
      ],
      workdays: [
        { date: '2026-01-04', name: '元旦调休' },
        { date: '2026-02-14', name: '春节调休' },
        { date: '2026-02-28', name: '春节调休' },
        { date: '2026-05-09', name: '劳动节调休' },
        { date: '2026-09-20', name: '国庆节调休' },
        { date: '2026-10-10', name: '国庆节调休' },
      ],
    },
    US: {
      holidays: [
        { date: '2026-01-01', name: "New Year's Day" },
        { date: '2026-05-25', name: 'Memorial Day' },
        { date: '2026-07-03', name: 'Independence Day (observed)' },
        { date: '2026-09-07', name: 'Labor Day' },
        { date: '2026-11-26', name: 'Thanksgiving' },
        { date: '2026-12-25', name: 'Christmas Day' },
      ],
      workdays: [],
    },
    none: { holidays: [], workdays: [] },
  }).map(([id, data]) => [id, calendarSchema.parse(data)]),
);

type DayKind = { kind: 'holiday' | 'makeup' | 'normal'; name?: string };
const lookup = new Map<string, Map<string, DayKind>>(
  Object.entries(CALENDARS).map(([id, cal]) => [
    id,
    new Map<string, DayKind>([
      ...cal.holidays.map((h): [string, DayKind] => [h.date, { kind: 'holiday', name: h.name }]),
      ...cal.workdays.map((w): [string, DayKind] => [w.date, { kind: 'makeup', name: w.name }]),
    ]),
  ]),
);

/** What the calendar says about a date: a holiday, a make-up workday, or nothing special. */
export function dayKind(calendarId: string, date: string): DayKind {
  return lookup.get(calendarId)?.get(date) ?? { kind: 'normal' };
}
