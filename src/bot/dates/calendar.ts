import type { DateTime } from 'luxon';

/**
 * What a date phrase says before it is pinned to the calendar. Resolving needs the person's
 * "now" (in their zone) and, for the end of a range, the range's start.
 */
export type DaySpec =
  /** 今天 0, 明天 1, 昨天 -1, "in 3 days" 3. */
  | { kind: 'offset'; days: number }
  /** 周五 (week unset), 本周五 (0), 下周五 / next Friday (1), 上周五 (-1). ISO weeks: Monday first. */
  | { kind: 'weekday'; weekday: number; week?: number }
  /** 3号, 12月3日, Dec 3, 2026-12-03: what is unwritten follows the direction. */
  | { kind: 'date'; day: number; month?: number; year?: number }
  /** 月初 / 月底 of this month (0), next (1) or last (-1). */
  | { kind: 'monthEdge'; edge: 'start' | 'end'; months: number }
  /** Written like a date but no such day (12月35日, 13/45): read, so it can be refused. */
  | { kind: 'none' };

/** 11月, November 2026, 上个月 / last month (months: -1). */
export type MonthSpec = { month?: number; year?: number; months?: number };

/**
 * Which way an unwritten part points: "Friday" asked ahead (leave, follow-ups) is the coming
 * one, asked back (make-up punches, "attendance on Monday") the last one.
 */
export type Direction = 'forward' | 'backward';

/** Years people may mean; anything else is a typo, refused rather than looped over. */
export const YEAR_SPAN = 10;

/**
 * The calendar date a spec names, or null when no such day exists (2月30日).
 * `after`: the range's start, for an end written short ("12月3日到5日", "周一到周三").
 */
export function resolveDay(
  spec: DaySpec,
  now: DateTime,
  direction: Direction,
  after?: DateTime,
): DateTime | null {
  const today = now.startOf('day');
  switch (spec.kind) {
    case 'offset':
      return today.plus({ days: spec.days });
    case 'weekday': {
      if (spec.week !== undefined)
        return today.startOf('week').plus({ weeks: spec.week, days: spec.weekday - 1 });
      const from = after ?? today;
      const ahead = (spec.weekday - from.weekday + 7) % 7;
      if (after || direction === 'forward') return from.plus({ days: ahead });
      return from.minus({ days: (7 - ahead) % 7 });
    }
    case 'monthEdge': {
      const month = today.startOf('month').plus({ months: spec.months });
      return spec.edge === 'start' ? month : month.endOf('month').startOf('day');
    }
    case 'date':
      return resolveDate(spec, today, direction, after);
    case 'none':
      return null;
  }
}

/**
 * A month-day without a year is the nearest such day to today (on 2 January "12月30日" is three
 * days ago, on 20 December "1月5日" is next year's): a date a little in the past stays in the
 * past, where the flow can ask about it, instead of jumping a year ahead; a tie goes the
 * direction's way. A range's end is the nearest to its start (a day alone: the first on or
 * after it).
 */
function resolveDate(
  spec: { day: number; month?: number; year?: number },
  today: DateTime,
  direction: Direction,
  after?: DateTime,
): DateTime | null {
  const on = (month: DateTime) =>
    spec.day <= (month.daysInMonth ?? 0) ? month.set({ day: spec.day }) : null;
  const pivot = (after ?? today).startOf('month');
  if (spec.month !== undefined && spec.year !== undefined)
    return on(pivot.set({ year: spec.year, month: spec.month }));
  const candidates: DateTime[] = [];
  if (spec.month !== undefined) {
    for (const years of [-1, 0, 1]) {
      const d = on(pivot.set({ month: spec.month }).plus({ years }));
      if (d) candidates.push(d);
    }
  } else {
    // the 31st skips months without one
    for (let months = -12; months <= 12; months++) {
      const d = on(pivot.plus({ months }));
      if (d) candidates.push(d);
    }
  }
  // an end written with its month is the nearest to the start, so "Dec 5 to Dec 3" reads reversed
  if (after && spec.month === undefined) return candidates.find((d) => d >= after) ?? null;
  const pivotDay = after ?? today;
  const distance = (d: DateTime) => Math.abs(d.diff(pivotDay, 'days').days);
  let best: DateTime | null = null;
  for (const d of candidates) {
    const closer = !best || distance(d) < distance(best);
    const tie = best && distance(d) === distance(best) && (direction === 'forward') === d > best;
    if (closer || tie) best = d;
  }
  return best;
}

/** The month a spec names; without a year, the nearest one in the direction (this month counts). */
export function resolveMonth(spec: MonthSpec, now: DateTime, direction: Direction): DateTime {
  const month = now.startOf('month');
  if (spec.months !== undefined) return month.plus({ months: spec.months });
  const m = month.set({ month: spec.month ?? month.month, ...(spec.year ? { year: spec.year } : {}) });
  if (spec.year !== undefined || spec.month === undefined) return m;
  if (direction === 'backward' && m > month) return m.minus({ years: 1 });
  if (direction === 'forward' && m < month) return m.plus({ years: 1 });
  return m;
}
