import type { SampleDoc } from '../../db/models/sample.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import type { Card, CardStatus, Locale } from '../../src/bot/types.js';
import { formatMoney, productName } from '../stock/api.js';

export const SAMPLE_STATUS: Record<SampleDoc['status'], Text> = {
  sent: { 'zh-CN': '已送出', en: 'sent' },
  awaiting: { 'zh-CN': '待审批（库存已预留）', en: 'awaiting approval (stock reserved)' },
  rejected: { 'zh-CN': '未批准，预留已释放', en: 'not approved; reservation released' },
};

const t = {
  value: { 'zh-CN': '价值', en: 'Value' },
  approval: { 'zh-CN': '审批', en: 'Approval' },
  note: { 'zh-CN': '备注', en: 'Note' },
  send: { 'zh-CN': '审批后送出', en: 'Send once approved' },
};

const statusOf = (s: SampleDoc['status']): CardStatus =>
  s === 'sent' ? 'done' : s === 'rejected' ? 'rejected' : 'pending';

/** A sample: what went to whom and its worth; one waiting for approval has the button that sends it. */
export function sampleCard(s: SampleDoc, locale: Locale): Card {
  return {
    title: `${s.no} · ${s.customerName}`,
    subtitle: tr(locale, SAMPLE_STATUS[s.status]),
    status: statusOf(s.status),
    fields: [
      [`${s.sku} ${productName(s, locale)}`, `× ${s.qty}`],
      [tr(locale, t.value), formatMoney(s.value, s.currency, locale)],
      ...(s.approvalNo ? [[tr(locale, t.approval), s.approvalNo] as [string, string]] : []),
      ...(s.note ? [[tr(locale, t.note), s.note] as [string, string]] : []),
    ],
    actions:
      s.status === 'awaiting'
        ? [{ actionId: 'orders.sample.settle', label: tr(locale, t.send), style: 'primary', value: s.no }]
        : [],
  };
}
