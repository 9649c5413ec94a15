import { z } from 'zod';
import { tr } from '../../../src/bot/i18n.js';
import { takeAmount, takeWord, unread } from '../../../src/bot/slots.js';
import { currency, money, text } from './fields.js';
import type { RequestType } from './request-type.js';

export const CATEGORIES = {
  travel: { 'zh-CN': '差旅', en: 'travel' },
  meals: { 'zh-CN': '餐费', en: 'meals' },
  taxi: { 'zh-CN': '交通', en: 'taxi' },
  office: { 'zh-CN': '办公', en: 'office' },
  entertainment: { 'zh-CN': '招待', en: 'entertainment' },
  other: { 'zh-CN': '其他', en: 'other' },
} as const;
export type Category = keyof typeof CATEGORIES;
const categoryWords: Record<string, Category> = {
  差旅: 'travel',
  出差: 'travel',
  travel: 'travel',
  hotel: 'travel',
  住宿: 'travel',
  酒店: 'travel',
  高铁: 'travel',
  火车票: 'travel',
  flight: 'travel',
  机票: 'travel',
  餐费: 'meals',
  餐饮: 'meals',
  吃饭: 'meals',
  meals: 'meals',
  meal: 'meals',
  lunch: 'meals',
  dinner: 'meals',
  交通: 'taxi',
  打车: 'taxi',
  出租车: 'taxi',
  滴滴: 'taxi',
  的士: 'taxi',
  cab: 'taxi',
  taxi: 'taxi',
  uber: 'taxi',
  transport: 'taxi',
  办公: 'office',
  办公用品: 'office',
  office: 'office',
  supplies: 'office',
  招待: 'entertainment',
  entertainment: 'entertainment',
  其他: 'other',
  other: 'other',
};

export type ExpenseData = {
  amount: number;
  currency: string;
  category: Category;
  reason: string;
  receiptUrl: string;
};

export const expense: RequestType<ExpenseData> = {
  type: 'expense',
  intent: 'approvals.expense',
  keywords: { 'zh-CN': ['报销'], en: ['expense', 'reimburse'] },
  label: { 'zh-CN': '报销', en: 'Expense' },
  usage: {
    'zh-CN': '报销 <金额> [币种] <差旅|餐费|交通|办公…> <事由> [票据链接]',
    en: 'expense <amount> [currency] <travel|meals|taxi|office…> <reason> [receipt link]',
  },
  examples: {
    'zh-CN': ['报销 320 打车 去客户那里'],
    en: ['expense 320 taxi to client', 'expense 45.50 USD meals lunch with Acme'],
  },
  fromText(rest, { locale }) {
    const url = /https?:\/\/\S+/.exec(rest)?.[0];
    const withoutUrl = url ? rest.replace(url, ' ') : rest;
    const amount = takeAmount(withoutUrl);
    if (amount && Number.isNaN(amount.amount)) return { fields: {}, problem: unread(amount.written, locale) };
    const category = takeWord(amount?.rest ?? withoutUrl, categoryWords);
    return {
      fields: {
        amount: amount?.amount,
        currency: amount?.currency,
        category: category?.value,
        // the category word often is the reason too ("打车"); keep it when nothing else is said
        reason: (category?.rest || (category ? (amount?.rest ?? '') : '')).trim(),
        receiptUrl: url,
      },
    };
  },
  schema: (_now, asker) =>
    z.object({
      amount: money,
      currency: currency(asker.currency),
      category: z.enum(Object.keys(CATEGORIES) as [Category, ...Category[]], 'required'),
      reason: text(),
      receiptUrl: z
        .string()
        .trim()
        .regex(/^https?:\/\/\S+$/, 'url')
        .optional()
        .or(z.literal(''))
        .default(''),
    }) as z.ZodType<ExpenseData>,
  formFields: [
    {
      name: 'amount',
      label: { 'zh-CN': '金额', en: 'Amount' },
      kind: 'number',
      ask: { 'zh-CN': '报销多少钱？', en: 'How much?' },
    },
    { name: 'currency', label: { 'zh-CN': '币种', en: 'Currency' }, kind: 'text', optional: true },
    {
      name: 'category',
      label: { 'zh-CN': '类别', en: 'Category' },
      kind: 'select',
      ask: {
        'zh-CN': '什么类别？差旅、餐费、交通、办公、招待、其他',
        en: 'Which category? travel, meals, taxi, office, entertainment, other',
      },
      options: Object.entries(CATEGORIES).map(([value, label]) => ({ value, label })),
    },
    {
      name: 'reason',
      label: { 'zh-CN': '事由', en: 'Reason' },
      kind: 'textarea',
      ask: { 'zh-CN': '报销事由是？', en: 'What was it for?' },
    },
    { name: 'receiptUrl', label: { 'zh-CN': '票据链接', en: 'Receipt link' }, kind: 'text', optional: true },
  ],
  describe: (d, locale) => [
    [tr(locale, { 'zh-CN': '金额', en: 'Amount' }), `${d.amount.toFixed(2)} ${d.currency}`],
    [tr(locale, { 'zh-CN': '类别', en: 'Category' }), tr(locale, CATEGORIES[d.category])],
    [tr(locale, { 'zh-CN': '事由', en: 'Reason' }), d.reason],
    ...(d.receiptUrl
      ? [[tr(locale, { 'zh-CN': '票据', en: 'Receipt' }), d.receiptUrl] as [string, string]]
      : []),
  ],
  measure: (d) => ({ amount: d.amount }),
};
