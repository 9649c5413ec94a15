import { type DateRange, isDateProblem, takeDate, takeDateRange } from '../../../src/bot/dates/index.js';
import type { ParseContext } from '../../../src/bot/flow.js';
import { tr } from '../../../src/bot/i18n.js';
import { cut } from '../../../src/bot/slots.js';
import { clauses } from './clean.js';

/** "两天", "3个工作日", "two days": how long, when it is not written next to the day. */
const SPAN =
  /(?<![周期拜\p{N}])(?:\d+|[一二两三四五六七八九]|十[一二三四五六七八九]?|[二三]十[一二三四五六七八九]?)\s*个?\s*(?:工作日|天)|(?<![\p{L}])(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:working\s+|business\s+)?days?(?![\p{L}])/iu;

/**
 * "后天回老家，请两天假", "周四去苏州出差两天": a day, and its length further on. The date module
 * reads a length only right after the day, so the two are put side by side and read again.
 */
export function stretched(
  taken: { range: DateRange; rest: string },
  ctx: ParseContext,
): { range: DateRange; rest: string } {
  const { range, rest } = taken;
  if (range.from !== range.to || range.fromHalf) return taken;
  const span = SPAN.exec(rest);
  if (!span) return taken;
  const longer = takeDateRange(`${range.from} ${span[0]}`, ctx);
  if (!longer || isDateProblem(longer) || longer.rest !== '') return taken;
  return { range: longer.range, rest: cut(rest, span.index, span[0].length) };
}

/** A day or a range as the grammar reads it back: "2027-03-15 到 2027-03-17". */
export const rangeText = (from: string, to: string, ctx: ParseContext) =>
  to ? `${from} ${ctx.locale === 'en' ? 'to' : '到'} ${to}` : from;

const anotherDay = {
  'zh-CN': '一次只能写一段连续的日期，{date} 是另一天。请写成“周四到周五”这样的一段。',
  en: 'One date or range at a time: {date} is another day. Write one stretch, such as "Thursday to Friday".',
};

/**
 * A second day left over once the dates are read, standing alone or joined on ("…，周五",
 * "周五和下周一", "Friday and Monday for the expo"): refused, as it would otherwise end up in the
 * reason. A day inside a reason ("之前周末加班攒的") is part of what it says.
 */
export function anotherDayIn(rest: string, ctx: ParseContext): string | null {
  const found = (text: string) => {
    const day = takeDate(text, ctx);
    return day && !isDateProblem(day) ? day : null;
  };
  for (const clause of clauses(rest)) {
    const day = found(clause.replace(JOINED, ''));
    if (day && !day.rest.replace(JOINED, '')) return tr(ctx.locale, anotherDay, { date: day.date });
  }
  for (const m of rest.matchAll(JOINER)) {
    const after = rest.slice(m.index + m[0].length).trim();
    const day = found(after);
    // the day opens what follows the joining word
    if (day && day.rest !== after && after.endsWith(day.rest))
      return tr(ctx.locale, anotherDay, { date: day.date });
  }
  return null;
}

const JOINER = /和|跟|与|以及|还有|、|&|(?<![\p{L}])(?:and|or|plus)(?![\p{L}])/giu;
const JOINED = /^(?:和|跟|与|及|以及|还有|、|and|&|or|plus)\s*|(?:^|\s)(?:and|&|or|plus)$/iu;
