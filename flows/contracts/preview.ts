import type { TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { completeFromOrder } from './from-order.js';
import type { PaymentArgs } from './handlers.js';
import { money } from './money.js';
import type { ContractDraft } from './plan.js';

const t = {
  customer: { 'zh-CN': '客户', en: 'Customer' },
  order: { 'zh-CN': '订单', en: 'Order' },
  amount: { 'zh-CN': '金额', en: 'Amount' },
  period: { 'zh-CN': '期限', en: 'Period' },
  plan: { 'zh-CN': '分期', en: 'Instalments' },
  attachment: { 'zh-CN': '附件', en: 'Attachment' },
  contract: { 'zh-CN': '合同', en: 'Contract' },
  day: { 'zh-CN': '收款日期', en: 'Received on' },
  note: { 'zh-CN': '备注', en: 'Note' },
};

type Rows = [string, string][];

/** The confirmation of a contract read from a sentence: everything it would write. */
export async function previewContract(ctx: TurnContext, written: ContractDraft): Promise<Rows> {
  const l = ctx.locale;
  // from an order: its customer and total are shown; a problem with it is answered on Submit
  const completed = await completeFromOrder(written, l);
  const d = 'draft' in completed ? completed.draft : written;
  const rows: Rows = [
    ...(d.orderNo ? ([[tr(l, t.order), d.orderNo]] as Rows) : []),
    [tr(l, t.customer), d.customer],
    [tr(l, t.amount), money(d.amount, d.currency)],
    [tr(l, t.period), `${d.startDate} ~ ${d.endDate}`],
    [
      tr(l, t.plan),
      d.instalments.map((p, i) => `${i + 1}) ${money(p.amount, d.currency)} ${p.dueDate}`).join('; '),
    ],
  ];
  if (d.attachment) rows.push([tr(l, t.attachment), d.attachment]);
  return rows;
}

export async function previewPayment(ctx: TurnContext, p: PaymentArgs): Promise<Rows> {
  const l = ctx.locale;
  const rows: Rows = [
    [tr(l, t.contract), p.no],
    [tr(l, t.amount), p.currency ? money(p.amount, p.currency) : String(p.amount)],
    [tr(l, t.day), p.day],
  ];
  if (p.note) rows.push([tr(l, t.note), p.note]);
  return rows;
}
