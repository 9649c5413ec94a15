import { isDateProblem, takeDateRange } from '../../../src/bot/dates/index.js';
import type { ParseContext, ParseResult } from '../../../src/bot/flow.js';
import { cut, takeAmount, unread } from '../../../src/bot/slots.js';
import { dateRefused } from '../requests/fields.js';
import type { RequestType } from '../requests/request-type.js';
import { trip } from '../requests/trip.js';
import { clauses, contentOf, squash, tidyClause } from './clean.js';
import { takeMoney } from './money.js';
import { finishRequest, type Layout } from './request-reading.js';
import { anotherDayIn, rangeText, stretched } from './spans.js';

/** "预算 8000", "budget of about 2000": the budget word, with what may sit before the amount. */
const BUDGET =
  /(?:预算|经费|budget|estimated\s+cost)\s*(?:[:：]|是|为|约|大约|大概|差不多|估计|about|around|roughly|approx\.?|of|is|\s)*/iu;

/** Where to: "去苏州", "飞成都", "去 Singapore", "出差去上海". */
const GOING_HAN =
  /(?:飞往|飞去|前往|出差去|去|到|飞|赴)\s*([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*|\p{Script=Han}{2,6}?)(?=出差|参加|参会|开会|拜访|见|做|谈|办|培训|支持|调研|验收|考察|学习|交流|一趟|一下|几天|\d|[一二两三四五六七八九十]+天|的|[,，。;；!！?？\s]|$)/u;
/** "to Hong Kong", "in Berlin": a capitalised place after the word (customers are visited, so not "visit"). */
const GOING_EN = /(?<![\p{L}])(?:to|in)\s+((?!(?:I|The|A|An)\b)[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)/u;
/** A clause that is only a place: "Beijing", "上海". */
const PLACE_ONLY = /^(?:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}|\p{Script=Han}{2,4})$/u;

/** Asking for the trip, not its purpose: "出差申请", "business trip", "need travel approval". */
const NOISE = [
  /(?:走|提|发起|申请)?(?:个|一个|一下)?(?:出差|差旅)(?:申请|审批|流程)?|申请|一趟|出趟差|要飞|飞过去|过去/gu,
  /\b(?:(?:need\s+)?(?:a\s+)?(?:business\s+)?(?:trip|travel)(?:\s+(?:request|approval))?|need\s+approval|approval|file|raise|fly(?:ing)?|going|heading|head|travel(?:ling|ing)?|have\s+to|need\s+to|i'?m|i\s+am)\b/giu,
];

/**
 * "帮我申请去西安的差旅，12月16日到18日，拜访博雅医疗" → 西安, 16th–18th, 拜访博雅医疗;
 * "I need to travel to Hong Kong next Wednesday to Friday for the Fabrikam deal" → Hong Kong.
 */
export function readTrip(text: string, ctx: ParseContext): ParseResult<unknown> {
  const rt = trip as unknown as RequestType;
  const budget = readBudget(text, ctx);
  if ('problem' in budget) return { problem: budget.problem };
  const dates = takeDateRange(budget.rest, ctx);
  if (dates && isDateProblem(dates)) return finishRequest(rt, dateRefused(dates, ctx.locale), ctx, layout);
  const when = dates ? stretched(dates, ctx) : null;
  const { destination, rest } = readDestination(when?.rest ?? budget.rest);
  const stray = when ? anotherDayIn(rest, ctx) : null;
  if (stray) return { problem: stray };
  return finishRequest(
    rt,
    {
      fields: {
        destination,
        ...when?.range,
        purpose: contentOf(rest, NOISE),
        estimatedCost: budget.amount,
        currency: budget.currency,
      },
    },
    ctx,
    layout,
  );
}

/**
 * The budget after its word, or a sum written with its currency. A budget word with no amount
 * after it ("预算还没定") is refused rather than kept as the purpose.
 */
function readBudget(
  text: string,
  ctx: ParseContext,
): { amount?: number; currency?: string; rest: string } | { problem: string } {
  const word = BUDGET.exec(text);
  if (word) {
    const after = text.slice(word.index + word[0].length);
    const money = takeAmount(after);
    if (money?.index !== 0) {
      const said = squash(`${word[0]}${/^[^,，。;；]*/u.exec(after)?.[0] ?? ''}`);
      return { problem: unread(said, ctx.locale) };
    }
    return {
      amount: money.amount,
      currency: money.currency,
      rest: squash(`${text.slice(0, word.index)} ${money.rest}`),
    };
  }
  const money = takeMoney(text);
  return money?.currency ? money : { rest: text };
}

function readDestination(text: string): { destination?: string; rest: string } {
  const going = GOING_HAN.exec(text) ?? GOING_EN.exec(text);
  if (going?.[1]) return { destination: going[1], rest: cut(text, going.index, going[0].length) };
  // "file a trip for me: Beijing, Dec 8, meet Litware": a clause that is only a place; "出差 武汉
  // 客户培训": the first word, as the grammar writes it
  const said = clauses(text)
    .map((c) => tidyClause(c, NOISE))
    .filter(Boolean);
  const lead = said[0]?.split(' ')[0] ?? '';
  const place = said.find((c) => PLACE_ONLY.test(c)) ?? (PLACE_ONLY.test(lead) ? lead : undefined);
  if (!place) return { rest: text };
  const at = text.indexOf(place);
  return { destination: place, rest: at < 0 ? text : cut(text, at, place.length) };
}

/** `出差 <destination> <dates> <purpose> 预算 <amount>`: a purpose given later lands after the budget, which the grammar reads. */
const layout: Layout = {
  pieces(f, _missing, ctx) {
    const dates =
      f.from === undefined ? '' : rangeText(String(f.from), f.to === f.from ? '' : String(f.to), ctx);
    const budget =
      f.estimatedCost === undefined
        ? ''
        : `${ctx.locale === 'en' ? 'budget' : '预算'} ${f.estimatedCost}${f.currency ? ` ${f.currency}` : ''}`;
    return [
      { field: 'destination', text: String(f.destination ?? ''), word: true },
      { field: 'from', text: dates },
      { field: 'purpose', text: String(f.purpose ?? ''), free: true },
      { field: 'estimatedCost', text: budget },
    ];
  },
  answers: (ctx) =>
    ctx.locale === 'en'
      ? { destination: 'Shanghai', from: ctx.now.toISODate() ?? '', purpose: 'client visit' }
      : { destination: '上海', from: ctx.now.toISODate() ?? '', purpose: '拜访客户' },
};
