import { tr } from '../../src/bot/i18n.js';
import type { Locale } from '../../src/bot/types.js';
import { CONTRACT_CONFIG } from './config.js';
import { cents, money, okAmount } from './money.js';

export type PlannedInstalment = { amount: number; dueDate: string };

/** What a new contract says, as read from text or a form (the customer still a name). */
export type ContractDraft = {
  /** The sales order it is written from ('' standalone): customer, amount and currency come from it. */
  orderNo: string;
  customer: string;
  amount: number;
  currency: string;
  startDate: string;
  endDate: string;
  instalments: PlannedInstalment[];
  attachment: string;
};

const t = {
  amount: {
    'zh-CN': '合同金额须大于 0、不超过 {max}、最多两位小数（写的是 {written}）。',
    en: 'The contract amount must be over 0, at most {max}, with at most two decimals (got {written}).',
  },
  part: {
    'zh-CN': '第 {n} 期金额须大于 0、最多两位小数（写的是 {written}）。',
    en: 'Instalment {n} must be over 0 with at most two decimals (got {written}).',
  },
  order: {
    'zh-CN': '结束日期 {end} 早于开始日期 {start}。',
    en: 'The end date {end} is before the start date {start}.',
  },
  early: {
    'zh-CN': '第 {n} 期的到期日 {date} 早于合同开始日 {start}。',
    en: 'Instalment {n} falls due on {date}, before the contract starts ({start}).',
  },
  tooMany: { 'zh-CN': '最多 {max} 期。', en: 'At most {max} instalments.' },
  sum: {
    'zh-CN': '各期合计 {sum}，与合同金额 {amount} 不符（差 {diff}）。',
    en: 'The instalments add up to {sum}, not the contract amount {amount} (off by {diff}).',
  },
};

/**
 * Checks a draft's numbers and dates against each other; the first thing that is off, said in
 * full (which instalment, by how much), or null. Text and form both go through here.
 */
export function planProblem(d: ContractDraft, locale: Locale): string | null {
  const max = CONTRACT_CONFIG.maxAmount;
  if (!okAmount(d.amount, max))
    return tr(locale, t.amount, { max: max.toLocaleString('en-US'), written: String(d.amount) });
  if (d.endDate < d.startDate) return tr(locale, t.order, { start: d.startDate, end: d.endDate });
  if (d.instalments.length > CONTRACT_CONFIG.maxInstalments)
    return tr(locale, t.tooMany, { max: CONTRACT_CONFIG.maxInstalments });
  for (const [i, part] of d.instalments.entries()) {
    if (!okAmount(part.amount, max)) return tr(locale, t.part, { n: i + 1, written: String(part.amount) });
    if (part.dueDate < d.startDate)
      return tr(locale, t.early, { n: i + 1, date: part.dueDate, start: d.startDate });
  }
  const sum = d.instalments.reduce((s, p) => s + cents(p.amount), 0);
  if (sum !== cents(d.amount)) {
    const show = (c: number) => money(c / 100, d.currency);
    return tr(locale, t.sum, {
      sum: show(sum),
      amount: show(cents(d.amount)),
      diff: show(Math.abs(sum - cents(d.amount))),
    });
  }
  return null;
}

/** No plan written: the whole amount falls due on the first day. */
export const withDefaultPlan = (d: ContractDraft): ContractDraft =>
  d.instalments.length > 0 ? d : { ...d, instalments: [{ amount: d.amount, dueDate: d.startDate }] };
