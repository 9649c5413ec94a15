import type { DateTime } from 'luxon';
import { dateProblemText, isDateProblem, takeDate, takeDateRange } from '../../src/bot/dates/index.js';
import type { ParseContext, ParseResult } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { takeAmount, unread } from '../../src/bot/slots.js';
import type { Locale } from '../../src/bot/types.js';
import { type ContractDraft, type PlannedInstalment, planProblem, withDefaultPlan } from './plan.js';

const t = {
  customer: { 'zh-CN': '请写上客户名称。', en: 'Give the customer name.' },
  amount: { 'zh-CN': '请写上合同金额。', en: 'Give the contract amount.' },
  dates: {
    'zh-CN': '请写上合同期限，例如 2026-12-01到2027-11-30。',
    en: 'Give the contract period, e.g. 2026-12-01 to 2027-11-30.',
  },
  number: { 'zh-CN': '看不懂金额“{text}”。', en: 'I could not read the amount "{text}".' },
  partDate: {
    'zh-CN': '第 {n} 期“{text}”缺少到期日（写成 金额 日期）。',
    en: 'Instalment {n} "{text}" has no due date (write amount then date).',
  },
  partAmount: {
    'zh-CN': '第 {n} 期“{text}”缺少金额（写成 金额 日期）。',
    en: 'Instalment {n} "{text}" has no amount (write amount then date).',
  },
  partCurrency: {
    'zh-CN': '第 {n} 期是 {got}，合同是 {currency}。',
    en: 'Instalment {n} is in {got}, the contract in {currency}.',
  },
  link: {
    'zh-CN': '附件须是以 http(s):// 开头的链接。',
    en: 'The attachment must be a link starting with http(s)://.',
  },
};

const ORDER_NO = /^(SO-\d{1,12})(?:\s|$)/i;
const PLAN = /(?:^|\s)(?:分期|付款计划|付款|instalments?|installments?|payment plan|plan)\s*[:：]?\s*/iu;
const LINK = /(?:^|\s)(?:附件|链接|attachment|link)\s*[:：]?\s*(\S*)/iu;

type Read<A> = { args: A } | { problem: string };

/** "https://…" after 附件/link; anything else there is refused. */
function takeLink(text: string, locale: Locale): Read<{ link: string; rest: string }> {
  const found = LINK.exec(text);
  if (!found) return { args: { link: '', rest: text } };
  const link = found[1] ?? '';
  if (!/^https?:\/\/\S+$/i.test(link) || link.length > 500) return { problem: tr(locale, t.link) };
  return {
    args: { link, rest: `${text.slice(0, found.index)} ${text.slice(found.index + found[0].length)}`.trim() },
  };
}

/** "30000 12月15日, 70000 2027-03-01": amounts with due dates, in the contract's currency. */
export function readPlan(
  text: string,
  currency: string,
  ctx: { now: DateTime; locale: Locale },
): Read<PlannedInstalment[]> {
  const parts = text
    .split(/[,，;；、]|\s+(?:and|和)\s+/u)
    .map((p) => p.trim())
    .filter(Boolean);
  const plan: PlannedInstalment[] = [];
  for (const [i, part] of parts.entries()) {
    const n = i + 1;
    const amount = takeAmount(part);
    if (!amount) return { problem: tr(ctx.locale, t.partAmount, { n, text: part }) };
    if (Number.isNaN(amount.amount)) return { problem: tr(ctx.locale, t.number, { text: amount.written }) };
    // '' = the contract's currency is not known yet (written from an order): the order's
    if (amount.currency && currency && amount.currency !== currency)
      return { problem: tr(ctx.locale, t.partCurrency, { n, got: amount.currency, currency }) };
    const day = takeDate(amount.rest.replace(/^(@|on|于|在)\s*/i, ''), { now: ctx.now });
    if (!day) return { problem: tr(ctx.locale, t.partDate, { n, text: part }) };
    if (isDateProblem(day)) return { problem: dateProblemText(day, ctx.locale) };
    const left = day.rest.replace(/^(到期|due|前|之前|before)$/i, '').trim();
    if (left) return { problem: unread(left, ctx.locale) };
    plan.push({ amount: amount.amount, dueDate: day.date });
  }
  return { args: plan };
}

/**
 * `<customer> <amount>[currency] <start> 到 <end> [分期 <amount> <date>, …] [附件 <link>]`, or
 * `<order no> <start> 到 <end> …` for a contract written from a sales order.
 * The customer is every word before the amount (names may hold spaces); the amount search starts
 * after the first word, so a name such as "3M" is not read as the amount.
 */
export function parseContract(rest: string, ctx: ParseContext): ParseResult<ContractDraft> {
  const { locale } = ctx;
  const linked = takeLink(rest.replace(/\s+/g, ' ').trim(), locale);
  if ('problem' in linked) return linked;
  const { link, rest: withoutLink } = linked.args;
  const planAt = PLAN.exec(withoutLink);
  const head = planAt ? withoutLink.slice(0, planAt.index).trim() : withoutLink;
  const planText = planAt ? withoutLink.slice(planAt.index + planAt[0].length) : '';
  const order = ORDER_NO.exec(head);
  if (order) return fromOrder(order, head, planText, link, ctx);
  const firstWord = head.indexOf(' ');
  if (!head) return { problem: tr(locale, t.customer) };
  if (firstWord < 0) return { problem: tr(locale, t.amount) };
  const afterFirst = head.slice(firstWord);
  const amount = takeAmount(afterFirst);
  if (!amount) return { problem: tr(locale, t.amount) };
  if (Number.isNaN(amount.amount)) return { problem: tr(locale, t.number, { text: amount.written }) };
  // "华信 abc 2026-12-01…": the first number is a date's year, not the amount
  const next = afterFirst.slice(amount.index + amount.written.length);
  if (/^(?:[-/.]\d|年)/u.test(next)) return { problem: tr(locale, t.amount) };
  const nameTail = afterFirst.slice(0, amount.index).trim();
  const customer = `${head.slice(0, firstWord)} ${nameTail}`.trim();
  // `rest` is the text without the amount: the name's tail, then the period
  const period = takeDateRange(amount.rest.slice(nameTail.length).trim(), { now: ctx.now });
  if (!period) return { problem: tr(locale, t.dates) };
  if (isDateProblem(period)) return { problem: dateProblemText(period, locale) };
  // punctuation between the parts of a sentence ("…的合同，12月1日到…") says nothing
  if (period.rest.replace(/[\s,，;；。.]+/gu, '')) return { problem: unread(period.rest, locale) };
  const currency = amount.currency ?? ctx.currency;
  const plan = readPlan(planText, currency, ctx);
  if ('problem' in plan) return plan;
  const draft = withDefaultPlan({
    customer,
    amount: amount.amount,
    currency,
    startDate: period.range.from,
    endDate: period.range.to,
    instalments: plan.args,
    attachment: link,
    orderNo: '',
  });
  const problem = planProblem(draft, locale);
  return problem ? { problem } : { args: draft };
}

/**
 * `SO-1001 <start> 到 <end> [分期 …] [附件 …]`: the customer, amount and currency are the order's,
 * read when it is filed (`completeFromOrder`); the plan's sum is checked then.
 */
function fromOrder(
  order: RegExpExecArray,
  head: string,
  planText: string,
  link: string,
  ctx: ParseContext,
): ParseResult<ContractDraft> {
  const { locale } = ctx;
  const period = takeDateRange(head.slice(order[0].length).trim(), { now: ctx.now });
  if (!period) return { problem: tr(locale, t.dates) };
  if (isDateProblem(period)) return { problem: dateProblemText(period, locale) };
  if (period.rest.replace(/[\s,，;；。.]+/gu, '')) return { problem: unread(period.rest, locale) };
  const plan = readPlan(planText, '', ctx);
  if ('problem' in plan) return plan;
  return {
    args: {
      orderNo: (order[1] as string).toUpperCase(),
      customer: '',
      amount: 0,
      currency: '',
      startDate: period.range.from,
      endDate: period.range.to,
      instalments: plan.args,
      attachment: link,
    },
  };
}
