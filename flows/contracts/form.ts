import { isCurrency } from '../../src/bot/currency.js';
import { dateProblemText, isDateProblem, takeDate } from '../../src/bot/dates/index.js';
import type { FormSpec, ParseContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import type { PaymentArgs } from './handlers.js';
import { readPlan } from './parse.js';
import { parsePayment } from './parse-payment.js';
import { type ContractDraft, planProblem, withDefaultPlan } from './plan.js';

const field = (
  name: string,
  zh: string,
  en: string,
  kind: 'text' | 'number' | 'date' | 'textarea',
  optional = false,
) => ({
  name,
  label: { 'zh-CN': zh, en },
  kind,
  optional,
});

const t = {
  required: { 'zh-CN': '必填', en: 'required' },
  currency: { 'zh-CN': '币种须是 ISO 代码，如 CNY、USD', en: 'a currency code such as CNY or USD' },
};

/** A date field: ISO from a date picker, or words ("明天") where the platform has none. */
function dateOf(value: string | undefined, ctx: ParseContext): string | { error: string } {
  if (!value?.trim()) return { error: tr(ctx.locale, t.required) };
  const day = takeDate(value, { now: ctx.now });
  if (!day) return { error: tr(ctx.locale, t.required) };
  return isDateProblem(day) ? { error: dateProblemText(day, ctx.locale) } : day.date;
}

/** The "new contract" form: the same pieces as the text, checked by the same rules. */
export const contractForm: FormSpec<ContractDraft> = {
  title: { 'zh-CN': '新建合同', en: 'New contract' },
  fields: [
    field('customer', '客户', 'Customer', 'text'),
    field('amount', '金额', 'Amount', 'number'),
    field('currency', '币种（默认你的币种）', 'Currency (default: yours)', 'text', true),
    field('startDate', '开始日期', 'Start date', 'date'),
    field('endDate', '结束日期', 'End date', 'date'),
    field(
      'plan',
      '分期：金额 日期，逗号分隔（默认开始日一次付清）',
      'Instalments: amount date, comma-separated (default: all on the start date)',
      'textarea',
      true,
    ),
    field('attachment', '附件链接', 'Attachment link', 'text', true),
  ],
  parse(values, ctx) {
    const errors: Record<string, string> = {};
    const customer = values.customer?.trim() ?? '';
    if (!customer) errors.customer = tr(ctx.locale, t.required);
    const amount = Number(values.amount);
    const currency = values.currency?.trim().toUpperCase() || ctx.currency;
    if (!isCurrency(currency)) errors.currency = tr(ctx.locale, t.currency);
    const start = dateOf(values.startDate, ctx);
    const end = dateOf(values.endDate, ctx);
    if (typeof start !== 'string') errors.startDate = start.error;
    if (typeof end !== 'string') errors.endDate = end.error;
    const plan = readPlan(values.plan ?? '', currency, ctx);
    if ('problem' in plan) errors.plan = plan.problem;
    const attachment = values.attachment?.trim() ?? '';
    if (attachment && !/^https?:\/\/\S+$/i.test(attachment))
      errors.attachment = tr(ctx.locale, {
        'zh-CN': '须以 http(s):// 开头',
        en: 'must start with http(s)://',
      });
    if (
      Object.keys(errors).length > 0 ||
      typeof start !== 'string' ||
      typeof end !== 'string' ||
      'problem' in plan
    )
      return { errors };
    const draft = withDefaultPlan({
      orderNo: '',
      customer,
      amount,
      currency,
      startDate: start,
      endDate: end,
      instalments: plan.args,
      attachment,
    });
    const problem = planProblem(draft, ctx.locale);
    return problem ? { errors: { plan: problem } } : { args: draft };
  },
};

/** The payment form: checked by the text's own parser, field by field put back together. */
export const paymentForm: FormSpec<PaymentArgs> = {
  title: { 'zh-CN': '记录收款', en: 'Record a payment' },
  fields: [
    field('no', '合同编号', 'Contract number', 'text'),
    field('amount', '金额', 'Amount', 'number'),
    field('day', '收款日期（默认今天）', 'Date received (default: today)', 'date', true),
    field('note', '备注', 'Note', 'text', true),
  ],
  parse(values, ctx) {
    const text = [values.no, values.amount, values.day, values.note].map((v) => v?.trim() ?? '').join(' ');
    const read = parsePayment(text.trim(), ctx);
    return 'args' in read ? { args: read.args } : { errors: { amount: read.problem } };
  },
};
