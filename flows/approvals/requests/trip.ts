import { z } from 'zod';
import { isDateProblem, takeDateRange } from '../../../src/bot/dates/index.js';
import { tr } from '../../../src/bot/i18n.js';
import { takeAmount, unread } from '../../../src/bot/slots.js';
import { currency, dateOrder, dateRefused, money, requestDate, text } from './fields.js';
import type { RequestType } from './request-type.js';

export type TripData = {
  destination: string;
  from: string;
  to: string;
  purpose: string;
  estimatedCost?: number;
  /** Of the budget; requests filed before it was kept have none. */
  currency?: string;
};

const BUDGET_WORDS = /(预算|费用|budget|cost)\s*[:：]?\s*/i;

export const trip: RequestType<TripData> = {
  type: 'trip',
  intent: 'approvals.trip',
  keywords: { 'zh-CN': ['出差'], en: ['trip', 'business trip'] },
  label: { 'zh-CN': '出差', en: 'Business trip' },
  usage: {
    'zh-CN': '出差 <目的地> <日期[到日期]> <事由> [预算 <金额>]',
    en: 'trip <destination> <date [to date]> <purpose> [budget <amount>]',
  },
  examples: {
    'zh-CN': ['出差 上海 12月3日到12月5日 拜访客户 预算 3000'],
    en: ['trip Shanghai Dec 3 to Dec 5 visit Acme budget 3000'],
  },
  fromText(rest, { now, locale }) {
    const budget = BUDGET_WORDS.exec(rest);
    const afterBudget = budget ? rest.slice(budget.index + budget[0].length) : '';
    const cost = budget ? takeAmount(afterBudget) : null;
    // "预算 三千" or "budget tbd" is not a budget, and not part of the purpose either
    if (budget && (!cost || cost.index > 0 || Number.isNaN(cost.amount)))
      return { fields: {}, problem: unread(`${budget[0]}${afterBudget}`.trim(), locale) };
    const main = budget ? `${rest.slice(0, budget.index)} ${cost?.rest ?? ''}` : rest;
    const dates = takeDateRange(main, { now });
    if (dates && isDateProblem(dates)) return dateRefused(dates, locale);
    const [destination, ...purpose] = (dates?.rest ?? main).split(' ');
    return {
      fields: {
        destination,
        ...dates?.range,
        purpose: purpose.join(' '),
        estimatedCost: cost?.amount,
        currency: cost?.currency,
      },
    };
  },
  schema: (now, asker) =>
    dateOrder(
      z.object({
        destination: text(100),
        from: requestDate(now),
        to: requestDate(now),
        purpose: text(),
        estimatedCost: money.optional(),
        currency: currency(asker.currency),
      }),
    ),
  formFields: [
    {
      name: 'destination',
      label: { 'zh-CN': '目的地', en: 'Destination' },
      kind: 'text',
      ask: { 'zh-CN': '去哪里出差？', en: 'Where to?' },
    },
    {
      name: 'from',
      label: { 'zh-CN': '出发日期', en: 'From' },
      kind: 'date',
      ask: { 'zh-CN': '哪天去、哪天回？（如 下周一到周三）', en: 'Which days? (e.g. next Mon to Wed)' },
    },
    { name: 'to', label: { 'zh-CN': '返回日期', en: 'To' }, kind: 'date' },
    {
      name: 'purpose',
      label: { 'zh-CN': '事由', en: 'Purpose' },
      kind: 'textarea',
      ask: { 'zh-CN': '出差事由是？', en: 'What is the trip for?' },
    },
    {
      name: 'estimatedCost',
      label: { 'zh-CN': '预算', en: 'Estimated cost' },
      kind: 'number',
      optional: true,
    },
    { name: 'currency', label: { 'zh-CN': '币种', en: 'Currency' }, kind: 'text', optional: true },
  ],
  describe: (d, locale) => [
    [tr(locale, { 'zh-CN': '目的地', en: 'Destination' }), d.destination],
    [tr(locale, { 'zh-CN': '时间', en: 'When' }), d.from === d.to ? d.from : `${d.from} → ${d.to}`],
    [tr(locale, { 'zh-CN': '事由', en: 'Purpose' }), d.purpose],
    ...(d.estimatedCost
      ? [
          [
            tr(locale, { 'zh-CN': '预算', en: 'Budget' }),
            `${d.estimatedCost.toFixed(2)} ${d.currency ?? ''}`.trim(),
          ] as [string, string],
        ]
      : []),
  ],
  measure: (d) => ({ amount: d.estimatedCost }),
};
