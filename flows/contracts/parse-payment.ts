import { dateProblemText, isDateProblem, takeDate } from '../../src/bot/dates/index.js';
import type { ParseContext, ParseResult } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { takeAmount } from '../../src/bot/slots.js';
import { CONTRACT_CONFIG } from './config.js';
import type { PaymentArgs } from './handlers.js';
import { okAmount } from './money.js';

const t = {
  no: { 'zh-CN': '请写上合同编号（如 HT-2026-0001）。', en: 'Give the contract number (like HT-2026-0001).' },
  amount: { 'zh-CN': '请写上收款金额。', en: 'Give the amount received.' },
  bad: {
    'zh-CN': '收款金额须大于 0、不超过 {max}、最多两位小数（写的是 {written}）。',
    en: 'The amount must be over 0, at most {max}, with at most two decimals (got {written}).',
  },
  future: { 'zh-CN': '收款日期 {day} 还没到。', en: 'The payment date {day} is in the future.' },
};

const NO = /\b(HT-\d{4}-\d{4,})\b/i;

/** `<合同号> <金额>[币种] [日期] [备注]`, in any order around the number; the date defaults to today. */
export function parsePayment(rest: string, ctx: ParseContext): ParseResult<PaymentArgs> {
  const { locale } = ctx;
  const found = NO.exec(rest);
  if (!found?.[1]) return { problem: tr(locale, t.no) };
  const without = `${rest.slice(0, found.index)} ${rest.slice(found.index + found[0].length)}`.trim();
  const amount = takeAmount(without);
  if (!amount) return { problem: tr(locale, t.amount) };
  const max = CONTRACT_CONFIG.maxAmount;
  const x = amount.amount;
  if (!okAmount(x, max))
    return { problem: tr(locale, t.bad, { max: max.toLocaleString('en-US'), written: amount.written }) };
  const today = ctx.now.toISODate() ?? '';
  const day = takeDate(amount.rest, { now: ctx.now, direction: 'backward' });
  if (day && isDateProblem(day)) return { problem: dateProblemText(day, locale) };
  if (day && day.date > today) return { problem: tr(locale, t.future, { day: day.date }) };
  const note = (day ? day.rest : amount.rest).replace(/^(备注|note)\s*[:：]?\s*/i, '').slice(0, 500);
  return {
    args: {
      no: found[1].toUpperCase(),
      amount: x,
      ...(amount.currency ? { currency: amount.currency } : {}),
      day: day?.date ?? today,
      note,
    },
  };
}
