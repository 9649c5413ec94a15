import type { PurchaseOrderDoc } from '../../db/models/purchase-order.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import type { Card, Locale } from '../../src/bot/types.js';
import { productName } from '../stock/api.js';

const t = {
  status: {
    open: { 'zh-CN': '待收货', en: 'open' },
    partial: { 'zh-CN': '部分收货', en: 'partly received' },
    received: { 'zh-CN': '已收齐', en: 'received' },
  } satisfies Record<PurchaseOrderDoc['status'], Text>,
  line: {
    'zh-CN': '已收 {received}/{qty} · 单价 {price}',
    en: 'received {received}/{qty} · unit price {price}',
  },
  amount: { 'zh-CN': '金额', en: 'Amount' },
  approval: { 'zh-CN': '审批', en: 'Approval' },
  note: { 'zh-CN': '备注', en: 'Note' },
};

/** `currency`: the company's; catalogue and purchase prices are in it. */
export function purchaseCard(po: PurchaseOrderDoc, locale: Locale, currency: string): Card {
  return {
    title: `${po.no} · ${po.supplierName}`,
    subtitle: tr(locale, t.status[po.status]),
    status: po.status === 'received' ? 'done' : 'pending',
    fields: [
      ...po.lines.map((l): [string, string] => [
        `${l.sku} ${productName(l, locale)}`,
        tr(locale, t.line, { received: l.received, qty: l.qty, price: l.price }),
      ]),
      [tr(locale, t.amount), `${po.amount} ${currency}`],
      ...(po.approvalNo ? [[tr(locale, t.approval), po.approvalNo] as [string, string]] : []),
      ...(po.note ? [[tr(locale, t.note), po.note] as [string, string]] : []),
    ],
    actions: [],
  };
}
