import type { DateTime } from 'luxon';
import { type Text, tr } from '../i18n.js';
import type { Locale } from '../types.js';
import { type DaySpec, type Direction, resolveDay, resolveMonth, YEAR_SPAN } from './calendar.js';
import { adjacent, scan } from './scan.js';
import type { Half, Placed } from './tokens.js';

/**
 * The one place dates people type are read: 今天, 明天, 下周一, 下下周三, 上周五, 月底, 12月3日,
 * 3号到5号, tomorrow, next Friday, Dec 3-5, end of the month, 2026-12-03, 11月, November 2026,
 * 09:05, 下午3点, 3pm. Everything resolves in the person's zone from the `now` given (their
 * local now); the machine's date and zone are never read.
 *
 * Why our own rules rather than chrono-node: chrono's Chinese parser reads 今天/明天 in the
 * machine's zone (just after midnight in Shanghai on a UTC machine "today" was yesterday), it
 * silently swaps reversed ranges and drops what it cannot read into the rest of the sentence.
 * A small table of rules is deterministic, says what it could not read, and is tested for every
 * hour of the day in several zones.
 */

export type { Direction } from './calendar.js';
export { YEAR_SPAN } from './calendar.js';
export type { Half } from './tokens.js';

export type DateContext = { now: DateTime; direction?: Direction };
export type DateRange = { from: string; to: string; fromHalf?: Half; toHalf?: Half };

export type DateProblemCode = 'unreadable' | 'reversed' | 'noSuchDay' | 'vague' | 'outOfRange' | 'whichHalf';
/** What could not be read, and the words it was in, for the reply. */
export type DateProblem = { problem: DateProblemCode; text: string };

type Taken<T> = T & { rest: string };

export const dateProblems: Record<DateProblemCode, Text> = {
  unreadable: {
    'zh-CN': '看不懂日期“{text}”，请写具体的一天，如 12月3日、下周一、明天。',
    en: 'I could not read the date "{text}". Write a day such as Dec 3, next Monday or tomorrow.',
  },
  reversed: {
    'zh-CN': '结束日期早于开始日期（“{text}”）。',
    en: 'The end date is before the start date ("{text}").',
  },
  noSuchDay: { 'zh-CN': '没有这一天：“{text}”。', en: 'There is no such day: "{text}".' },
  vague: {
    'zh-CN': '“{text}”不是具体的一天，请写日期，如 12月3日、下周一。',
    en: '"{text}" is not a day. Write one such as Dec 3 or next Monday.',
  },
  outOfRange: {
    'zh-CN': '日期“{text}”超出范围（前后 {years} 年内）。',
    en: 'The date "{text}" is out of range (within {years} years).',
  },
  whichHalf: { 'zh-CN': '半天是上午还是下午？', en: 'Which half day: morning or afternoon?' },
};

export function dateProblemText(p: DateProblem, locale: Locale): string {
  return tr(locale, dateProblems[p.problem], { text: p.text, years: YEAR_SPAN });
}

export const isDateProblem = (x: object): x is DateProblem => 'problem' in x;

const iso = (d: DateTime) => d.toISODate() as string;

/**
 * A date or range with half-day markers: "明天", "下周一到周三", "12月3日下午到5日上午",
 * "Dec 3-5", "from Monday for 3 days", "明天起三天". Null when the text names no date; a
 * problem when it tries and fails ("到明年", an end before the start, 2月30日).
 */
export function takeDateRange(
  text: string,
  ctx: DateContext,
): Taken<{ range: DateRange }> | DateProblem | null {
  const tokens = scan(text, ctx.now);
  const i = tokens.findIndex((t) => t.kind === 'day' || t.kind === 'range');
  const start = tokens[i];
  if (!start) return vagueIn(tokens);
  const used = new Set<Placed>([start]);
  const next = (after: Placed) => {
    const t = tokens[tokens.indexOf(after) + 1];
    return t && adjacent(text, after, t) ? t : undefined;
  };
  const before = tokens[i - 1];
  if (before?.kind === 'from' && adjacent(text, before, start)) used.add(before);

  let from: DateTime | DateProblem;
  let to: DateTime | DateProblem;
  let fromHalf: Half | undefined;
  let toHalf: Half | undefined;
  let last = start;
  if (start.kind === 'range') {
    from = day(start.from, start, ctx);
    if (isDateProblem(from)) return from;
    to = day(start.to, start, ctx, from);
  } else if (start.kind === 'day') {
    from = day(start.day, start, ctx);
    if (isDateProblem(from)) return from;
    to = from;
    const half = next(start);
    if (half?.kind === 'half') {
      fromHalf = half.half;
      used.add(half);
      last = half;
    }
    const link = next(last);
    const end = link && (next(link) ?? bareDay(text, link));
    if (link?.kind === 'to' && end?.kind === 'day') {
      to = day(end.day, end, ctx, from);
      used.add(link).add(end);
      const endHalf = next(end);
      if (endHalf?.kind === 'half') {
        toHalf = endHalf.half;
        used.add(endHalf);
      }
    } else if (
      link?.kind === 'to' &&
      (end?.kind === 'vague' || end?.kind === 'month' || dateish(text, link))
    ) {
      return { problem: 'unreadable', text: fragmentAfter(text, link, end) };
    } else {
      const span = link?.kind === 'join' ? end : link;
      const also = link?.kind === 'day' ? link : pairedDay(text, tokens, last);
      if (span?.kind === 'span') {
        // "半天" needs its half: written elsewhere ("明天 半天 … 上午") or asked for
        if (span.days === 0.5 && !fromHalf && !tokens.some((t) => t.kind === 'half'))
          return { problem: 'whichHalf', text: span.text };
        const days = Math.max(1, Math.ceil(span.days));
        to = span.workdays ? plusWorkdays(from, days - 1) : from.plus({ days: days - 1 });
        used.add(span);
        if (link !== span) used.add(link as Placed);
      } else if (also?.kind === 'day') {
        // "下周四周五", "Thursday and Friday": two days in a row (a weekend between counts as a row)
        const second = day(also.day, also, ctx, from);
        if (!isDateProblem(second) && second > from && onlyWeekendBetween(from, second)) {
          to = second;
          used.add(also);
        }
      }
    }
  } else return null;
  if (isDateProblem(to)) return to;
  if (to < from)
    return {
      problem: 'reversed',
      text: text.slice(start.index, Math.max(...[...used].map((t) => t.index + t.length))),
    };

  const range: DateRange = { from: iso(from), to: iso(to) };
  if (fromHalf) range.fromHalf = fromHalf;
  if (toHalf) range.toHalf = toHalf;
  if (range.from === range.to && !fromHalf) {
    // a half-day word anywhere applies to a one-day range ("明天 事假 下午")
    const loose = tokens.find((t) => t.kind === 'half' && !used.has(t));
    if (loose?.kind === 'half') {
      range.fromHalf = range.toHalf = loose.half;
      used.add(loose);
    } else if (tokens.some((t) => t.kind === 'span' && t.days === 0.5 && !used.has(t)))
      return { problem: 'whichHalf', text: '' };
  } else if (fromHalf && range.from === range.to) range.toHalf = fromHalf;
  const rest = cutAll(text, used);
  return strayRange(rest, ctx) ?? { range, rest };
}

/** The next day token joined to `after` by 和, and, & or a comma. */
function pairedDay(text: string, tokens: Placed[], after: Placed): Placed | undefined {
  const t = tokens[tokens.indexOf(after) + 1];
  if (t?.kind !== 'day') return undefined;
  const between = text.slice(after.index + after.length, t.index);
  return /^[\s,，、]*(和|及|与|and|&)?[\s,，、]*$/iu.test(between) ? t : undefined;
}

function onlyWeekendBetween(from: DateTime, to: DateTime): boolean {
  for (let d = from.plus({ days: 1 }); d < to; d = d.plus({ days: 1 })) if (d.weekday < 6) return false;
  return true;
}

/** `n` working days on (Saturdays and Sundays skipped; holidays are the attendance calendar's). */
function plusWorkdays(from: DateTime, n: number): DateTime {
  let d = from;
  for (let left = n; left > 0; ) {
    d = d.plus({ days: 1 });
    if (d.weekday < 6) left--;
  }
  return d;
}

/** One day (the first the text names): "下次 周五", "follow up next Monday". */
export function takeDate(text: string, ctx: DateContext): Taken<{ date: string }> | DateProblem | null {
  const tokens = scan(text, ctx.now);
  const found = tokens.find((t) => t.kind === 'day');
  if (found?.kind !== 'day') return vagueIn(tokens);
  const d = day(found.day, found, ctx);
  return isDateProblem(d) ? d : { date: iso(d), rest: cutAll(text, new Set([found])) };
}

/**
 * A day and, when written, a time: "昨天 09:05", "yesterday 9:05am", "下午3点". A time alone is
 * today's.
 */
export function takeDateTime(
  text: string,
  ctx: DateContext,
): Taken<{ date: string; time?: string }> | DateProblem | null {
  const tokens = scan(text, ctx.now);
  const found = tokens.find((t) => t.kind === 'day');
  const used = new Set<Placed>();
  let date = iso(ctx.now);
  if (found?.kind === 'day') {
    const d = day(found.day, found, ctx);
    if (isDateProblem(d)) return d;
    date = iso(d);
    used.add(found);
  }
  const at = found ? tokens.indexOf(found) : -1;
  const near = [tokens[at + 1], tokens[at - 1]].find(
    (t) => t?.kind === 'time' && (!found || adjacent(text, found, t) || adjacent(text, t, found)),
  );
  const time = near ?? (found ? undefined : tokens.find((t) => t.kind === 'time'));
  if (time?.kind === 'time') used.add(time);
  if (used.size === 0) return vagueIn(tokens);
  // "昨晚十点", "last night at 10": an evening's hours are after noon
  const evening = found?.kind === 'day' && found.evening;
  const hour = time?.kind === 'time' ? time.time.hour + (evening && time.time.hour < 12 ? 12 : 0) : 0;
  return {
    date,
    ...(time?.kind === 'time' ? { time: hhmm(hour, time.time.minute) } : {}),
    rest: cutAll(text, used),
  };
}

/** Every time of day the text names, in order ("22:00-07:30", "晚上十点到早上七点", "10pm to 7am"). */
export function takeTimes(text: string, ctx: DateContext): string[] {
  return scan(text, ctx.now).flatMap((t) => (t.kind === 'time' ? [hhmm(t.time.hour, t.time.minute)] : []));
}

/** A month, 'YYYY-MM': "11月", "2026年11月", "上个月", "November", "last month", "2026-11". */
export function takeMonth(text: string, ctx: DateContext): Taken<{ month: string }> | DateProblem | null {
  const tokens = scan(text, ctx.now);
  const found = tokens.find((t) => t.kind === 'month');
  if (found?.kind !== 'month') return null;
  const m = resolveMonth(found.month, ctx.now, ctx.direction ?? 'backward');
  if (!withinYearSpan(m, ctx.now)) return { problem: 'outOfRange', text: found.text };
  return { month: m.toFormat('yyyy-MM'), rest: cutAll(text, new Set([found])) };
}

function day(spec: DaySpec, token: Placed, ctx: DateContext, after?: DateTime): DateTime | DateProblem {
  const d = resolveDay(spec, ctx.now, ctx.direction ?? 'forward', after);
  if (!d) return { problem: 'noSuchDay', text: token.text };
  if (!withinYearSpan(d, ctx.now)) return { problem: 'outOfRange', text: token.text };
  return d;
}

/**
 * The years anyone may name, here and wherever a date comes from outside (admin queries):
 * within YEAR_SPAN of now. Beyond it is a typo, refused rather than looped over.
 */
export function withinYearSpan(d: DateTime, now: DateTime): boolean {
  return d.isValid && Math.abs(d.year - now.year) <= YEAR_SPAN;
}

function vagueIn(tokens: Placed[]): DateProblem | null {
  const vague = tokens.find((t) => t.kind === 'vague');
  return vague ? { problem: 'vague', text: vague.text } : null;
}

/** "年假 到明年": a range connector left in the rest, followed by something date-like. */
function strayRange(rest: string, ctx: DateContext): DateProblem | null {
  const tokens = scan(rest, ctx.now);
  for (const [k, t] of tokens.entries()) {
    const after = tokens[k + 1];
    if (t.kind !== 'to' || t.text === '-') continue;
    const dated =
      after && adjacent(rest, t, after) && ['day', 'vague', 'month', 'range'].includes(after.kind);
    if (dated || dateish(rest, t))
      return { problem: 'unreadable', text: fragmentAfter(rest, t, dated ? after : undefined) };
  }
  return null;
}

/** "Dec 3 to 5", "3日到5": a connector followed by a day of the month alone. */
function bareDay(text: string, link: Placed): Placed | undefined {
  if (link.kind !== 'to') return undefined;
  const at = link.index + link.length;
  const m = /^(\s*)(\d{1,2})(?:st|nd|rd|th|日|号)?(?![\p{L}\p{N}:.])/u.exec(text.slice(at));
  if (!m?.[2]) return undefined;
  const day = Number(m[2]);
  return {
    kind: 'day',
    day: day >= 1 && day <= 31 ? { kind: 'date', day } : { kind: 'none' },
    index: at + (m[1]?.length ?? 0),
    length: m[0].length - (m[1]?.length ?? 0),
    text: m[0].trim(),
  };
}

/** What follows a connector looks like a date we could not read ("到下下下周", "to Dec 35"). */
function dateish(text: string, link: Placed): boolean {
  const after = text.slice(link.index + link.length).trimStart();
  return /^(\d|[一二两三四五六七八九十]+\s*[月号日]|(下|上|这|本)+个?(周|星期|礼拜|月|年|季)|(next|last|this)\s+\w|(mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/iu.test(
    after,
  );
}

/** The connector and what follows it: the end token when there is one, else the next word. */
function fragmentAfter(text: string, link: Placed, end?: Placed): string {
  if (end) return text.slice(link.index, end.index + end.length);
  const after = text.slice(link.index + link.length).trim();
  const word = /^[^\s,，。]{1,12}/u.exec(after)?.[0] ?? after.slice(0, 12);
  return `${link.text}${/\p{Script=Han}/u.test(link.text) ? '' : ' '}${word}`;
}

function cutAll(text: string, used: Set<Placed>): string {
  let out = text;
  for (const t of [...used].sort((a, b) => b.index - a.index))
    out = `${out.slice(0, t.index)} ${out.slice(t.index + t.length)}`;
  return out.replace(/\s+/g, ' ').trim();
}

const hhmm = (h: number, m: number) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
