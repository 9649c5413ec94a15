import { type CommandSpec, defineCommand, type FormSpec, type ParseResult } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import type { Locale } from '../../src/bot/types.js';
import { fail, labelledWho, problems, quantity, splitLines } from '../stock/api.js';
import { previewSample } from './preview.js';
import { CUSTOMER_LABEL } from './read-order.js';
import { type SampleArgs, sampleFromChat, settleFromChat } from './sample-handlers.js';

/** A new sample, or "SMP-1001": one that waited for approval, to send now. */
export type SampleCommand = SampleArgs | { no: string };

const t = {
  one: {
    'zh-CN': '一次送一种样品；请分开写。',
    en: 'One product per sample; send them one by one.',
  },
  note: { 'zh-CN': '备注最多 500 字。', en: 'The note can be at most 500 characters.' },
};

/**
 * `<customer> <product> <qty> [note]`: a bare number with at least two words before it is the
 * quantity and the word just before it the product ("华信科技 路由器 2 展会用"); otherwise the
 * order grammar's lines ("SKU-1001x2", "路由器 2台", "2 routers"), exactly one of them.
 */
export function parseSample(rest: string, locale: Locale): ParseResult<SampleArgs> {
  const words = rest.split(' ').filter(Boolean);
  const at = words.findIndex((w, i) => i >= 2 && /^\d+$/.test(w));
  let who: string;
  let sku: string;
  let qty: number | null;
  let note: string;
  if (at >= 0) {
    who = words.slice(0, at - 1).join(' ');
    sku = words[at - 1] ?? '';
    qty = quantity(words[at]);
    note = words.slice(at + 1).join(' ');
  } else {
    const split = labelledWho(splitLines(rest), Object.values(CUSTOMER_LABEL));
    if (split.bad) return fail(locale, problems.qty);
    if (split.lines.length === 0) return fail(locale, problems.lines);
    if (split.lines.length > 1) return fail(locale, t.one);
    who = split.who;
    sku = split.lines[0]?.sku ?? '';
    qty = split.lines[0]?.qty ?? null;
    note = split.note;
  }
  if (qty === null) return fail(locale, problems.qty);
  if (!who) return fail(locale, problems.who);
  if (note.length > 500) return fail(locale, t.note);
  return { args: { customer: who.slice(0, 120), sku, qty, note } };
}

const field = (name: string, zh: string, en: string, kind: 'text' | 'number' = 'text', optional = false) => ({
  name,
  label: { 'zh-CN': zh, en },
  kind,
  optional,
});

/** The same four things as the text, checked by the same parser. */
const sampleForm: FormSpec<SampleArgs> = {
  title: { 'zh-CN': '送样', en: 'Send a sample' },
  fields: [
    field('customer', '客户', 'Customer'),
    field('product', '商品（SKU 或名称）', 'Product (SKU or name)'),
    field('qty', '数量', 'Quantity', 'number'),
    field('note', '备注', 'Note', 'text', true),
  ],
  parse(values, ctx) {
    const qty = quantity(values.qty?.trim());
    const errors: Record<string, string> = {};
    if (!values.customer?.trim()) errors.customer = tr(ctx.locale, problems.who);
    if (!values.product?.trim()) errors.product = tr(ctx.locale, problems.query);
    if (qty === null) errors.qty = tr(ctx.locale, problems.qty);
    if ((values.note ?? '').length > 500) errors.note = tr(ctx.locale, t.note);
    if (Object.keys(errors).length > 0 || qty === null) return { errors };
    return {
      args: {
        customer: (values.customer ?? '').trim().slice(0, 120),
        sku: (values.product ?? '').trim(),
        qty,
        note: (values.note ?? '').trim(),
      },
    };
  },
};

export const sampleCommands: CommandSpec[] = [
  defineCommand<SampleCommand>({
    intent: 'orders.sample',
    writes: true,
    preview: previewSample,
    area: 'orders',
    keywords: { 'zh-CN': ['送样', '样品赠送'], en: ['sample', 'send sample'] },
    summary: {
      'zh-CN': '给客户送样品（出库并记入客户动态；价值高的先审批）',
      en: "Give a customer a sample (a stock-out on the customer's timeline; valuable ones approved first)",
    },
    usage: {
      'zh-CN': '送样 <客户> <商品> <数量> [备注] | 送样 <样品号>',
      en: 'sample <customer> <product> <qty> [note] | sample <sample no>',
    },
    examples: {
      'zh-CN': ['送样 华信科技 路由器 2 展会演示', '送样 SMP-1001'],
      en: ['sample Contoso SKU-1001 2 trade fair demo', 'sample SMP-1001'],
    },
    form: sampleForm,
    parse(rest, ctx) {
      const no = /^SMP-?(\d+)$/i.exec(rest.trim());
      return no ? { args: { no: `SMP-${no[1]}` } } : parseSample(rest, ctx.locale);
    },
    handle: (ctx, args) => ('no' in args ? settleFromChat(ctx, args.no) : sampleFromChat(ctx, args)),
  }),
];
