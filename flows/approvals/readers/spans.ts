import { type DateRange, isDateProblem, takeDateRange } from '../../../src/bot/dates/index.js';
import type { ParseContext } from '../../../src/bot/flow.js';
import { cut } from '../../../src/bot/slots.js';

/** "两天", "3个工作日", "two days": how long, when it is not written next to the day. */
const SPAN =
  /(?:\d+|[一二两三四五六七八九十]+)\s*个?\s*(?:工作日|天)|(?<![\p{L}])(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:working\s+|business\s+)?days?(?![\p{L}])/iu;

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
