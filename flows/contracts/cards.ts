import type { ContractDoc, ContractStatus } from '../../db/models/contract.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import type { Card, Locale } from '../../src/bot/types.js';
import { money, outstanding } from './money.js';

const t = {
  customer: { 'zh-CN': '客户', en: 'Customer' },
  order: { 'zh-CN': '订单', en: 'Order' },
  owner: { 'zh-CN': '负责人', en: 'Owner' },
  amount: { 'zh-CN': '金额', en: 'Amount' },
  received: { 'zh-CN': '已收', en: 'Received' },
  receivable: { 'zh-CN': '待收', en: 'Receivable' },
  period: { 'zh-CN': '期限', en: 'Period' },
  approval: { 'zh-CN': '审批', en: 'Approval' },
  attachment: { 'zh-CN': '附件', en: 'Attachment' },
  plan: { 'zh-CN': '分期', en: 'Instalments' },
  payments: { 'zh-CN': '收款记录', en: 'Payments' },
  part: { 'zh-CN': '第 {n} 期', en: 'No. {n}' },
  paidUp: { 'zh-CN': '已付清', en: 'paid' },
  paidPart: { 'zh-CN': '已收 {paid}', en: '{paid} received' },
  show: { 'zh-CN': '查看', en: 'Show' },
  none: { 'zh-CN': '没有合同。', en: 'No contracts.' },
} satisfies Record<string, Text>;

export const STATUS_LABEL: Record<ContractStatus, Text> = {
  awaiting_approval: { 'zh-CN': '待审批', en: 'awaiting approval' },
  active: { 'zh-CN': '执行中', en: 'active' },
  paid: { 'zh-CN': '已收齐', en: 'paid in full' },
};

const CARD_STATUS = { awaiting_approval: 'pending', active: 'info', paid: 'approved' } as const;

const received = (c: ContractDoc) => c.amount - outstanding(c);

/** One contract: its numbers, the plan with what each instalment has received, the payments. */
export function contractCard(c: ContractDoc, ownerName: string, locale: Locale): Card {
  const m = (x: number) => money(x, c.currency);
  const fields: [string, string][] = [
    [tr(locale, t.customer), c.customerName],
    ...(c.orderNo ? ([[tr(locale, t.order), c.orderNo]] as [string, string][]) : []),
    [tr(locale, t.owner), ownerName],
    [tr(locale, t.amount), m(c.amount)],
    [tr(locale, t.received), m(received(c))],
    [tr(locale, t.receivable), m(outstanding(c))],
    [tr(locale, t.period), `${c.startDate} ~ ${c.endDate}`],
  ];
  if (c.approvalNo) fields.push([tr(locale, t.approval), c.approvalNo]);
  if (c.attachment) fields.push([tr(locale, t.attachment), c.attachment]);
  const plan = c.instalments.map((p) => {
    const state =
      p.paid >= p.amount
        ? tr(locale, t.paidUp)
        : p.paid > 0
          ? tr(locale, t.paidPart, { paid: m(p.paid) })
          : '';
    return `${tr(locale, t.part, { n: p.n })} ${p.dueDate} ${m(p.amount)} ${state}`.trim();
  });
  const payments = c.payments.map((p) => `${p.day} ${m(p.amount)} ${p.note}`.trim());
  const body = [
    `${tr(locale, t.plan)}:`,
    ...plan,
    ...(payments.length ? [`${tr(locale, t.payments)}:`, ...payments] : []),
  ].join('\n');
  return {
    title: `${c._id} · ${c.customerName}`,
    subtitle: tr(locale, STATUS_LABEL[c.status]),
    fields,
    body,
    status: CARD_STATUS[c.status],
    actions: [],
  };
}

/** Several contracts, one line each, with a button for each of the first eight. */
export function contractListCard(title: Text, rows: ContractDoc[], locale: Locale): Card {
  const lines = rows.map(
    (c) =>
      `${c._id} · ${c.customerName} · ${tr(locale, STATUS_LABEL[c.status])} · ${tr(locale, t.receivable)} ${money(outstanding(c), c.currency)}`,
  );
  return {
    title: tr(locale, title),
    fields: [],
    body: lines.length ? lines.slice(0, 30).join('\n') : tr(locale, t.none),
    actions: rows.slice(0, 8).map((c) => ({
      actionId: 'contracts.show',
      label: `${tr(locale, t.show)} ${c._id}`,
      style: 'default' as const,
      value: c._id,
    })),
  };
}
