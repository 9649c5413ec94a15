import { DateTime } from 'luxon';
import type { OrderStatus, SalesOrderDoc } from '../../db/models/sales-order.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import type { Audience, Button, Card, CardStatus, Locale } from '../../src/bot/types.js';
import { formatMoney, formatTotals, lineMinor, productName, totalsOf } from '../stock/api.js';
import { carrierLabel } from './carriers.js';
import { nextAction, type OrderAction, PIPELINE } from './pipeline.js';

export type Viewer = { locale: Locale; timezone: string };

export const STATUS_LABEL: Record<OrderStatus, Text> = {
  placed: { 'zh-CN': '已下单', en: 'placed' },
  production: { 'zh-CN': '生产中', en: 'in production' },
  shipped: { 'zh-CN': '已发货', en: 'shipped' },
  transit: { 'zh-CN': '运输中', en: 'in transit' },
  delivered: { 'zh-CN': '已送达', en: 'delivered' },
  installed: { 'zh-CN': '已安装', en: 'installed' },
  completed: { 'zh-CN': '已完成', en: 'completed' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
};

/** Button labels and timeline verbs for each step. */
export const ACTION_LABEL: Record<OrderAction | 'placed', Text> = {
  placed: { 'zh-CN': '下单', en: 'Placed' },
  produce: { 'zh-CN': '开始生产', en: 'Start production' },
  ship: { 'zh-CN': '发货', en: 'Ship' },
  transit: { 'zh-CN': '交付物流', en: 'In transit' },
  deliver: { 'zh-CN': '确认送达', en: 'Delivered' },
  install: { 'zh-CN': '确认安装', en: 'Installed' },
  complete: { 'zh-CN': '完成', en: 'Complete' },
  cancel: { 'zh-CN': '取消订单', en: 'Cancel' },
};

const t = {
  customer: { 'zh-CN': '客户', en: 'Customer' },
  owner: { 'zh-CN': '负责人', en: 'Owner' },
  shipping: { 'zh-CN': '物流', en: 'Shipping' },
  note: { 'zh-CN': '备注', en: 'Note' },
  total: { 'zh-CN': '合计', en: 'Total' },
  mine: { 'zh-CN': '我的未完成订单（{n}）', en: 'My open orders ({n})' },
  assign: { 'zh-CN': '派工', en: 'Assign installer' },
  noneMine: { 'zh-CN': '没有未完成的订单。', en: 'No open orders.' },
};

const statusOf = (s: OrderStatus): CardStatus =>
  s === 'completed' ? 'done' : s === 'cancelled' ? 'rejected' : s === 'placed' ? 'pending' : 'info';

/**
 * Who may press each step, as `mayDo` and `mayAssign` check it: the warehouse, the order's owner,
 * the managers who send installers (`assigners`), admins always. Each reader sees only theirs.
 */
function audienceOf(
  order: SalesOrderDoc,
  by: 'warehouse' | 'owner' | 'assign',
  assigners: string[],
): Audience {
  if (by === 'warehouse') return { roles: ['warehouse', 'admin'] };
  if (by === 'owner') return { ids: [String(order.ownerId)], roles: ['admin'] };
  return { ids: assigners, roles: ['admin'] };
}

export function orderCard(
  order: SalesOrderDoc,
  names: Map<string, string>,
  viewer: Viewer,
  assigners: string[],
): Card {
  const { locale } = viewer;
  const when = (at: Date) => DateTime.fromJSDate(at, { zone: viewer.timezone }).toFormat('MM-dd HH:mm');
  const shipping = order.carrier ? `${carrierLabel(order.carrier, locale)} ${order.tracking}`.trim() : '';
  const timeline = order.history.map((h) => {
    const who = h.by ? (names.get(String(h.by)) ?? '') : '';
    const label = tr(locale, ACTION_LABEL[h.action as OrderAction] ?? { 'zh-CN': h.action, en: h.action });
    // the shipping step's note is the carrier and tracking number: shown with the carrier translated
    const note = h.action === 'ship' && shipping ? shipping : h.note;
    return `${when(h.at)} ${label} · ${who}${note ? ` · ${note}` : ''}`;
  });
  const next = nextAction(order.status);
  const button = (action: OrderAction, style: Button['style']): Button => ({
    actionId: 'orders.advance',
    label: tr(locale, ACTION_LABEL[action]),
    style,
    value: `${order.no} ${action}`,
    for: audienceOf(order, PIPELINE[action].by, assigners),
  });
  return {
    title: `${order.no} · ${order.customerName}`,
    subtitle: tr(locale, STATUS_LABEL[order.status]),
    status: statusOf(order.status),
    fields: [
      ...order.lines.map((l): [string, string] => [
        `${l.sku} ${productName(l, locale)}`,
        lineText(l, locale),
      ]),
      [tr(locale, t.total), orderTotal(order, locale)],
      [tr(locale, t.owner), names.get(String(order.ownerId)) ?? ''],
      ...(shipping ? [[tr(locale, t.shipping), shipping] as [string, string]] : []),
      ...(order.note ? [[tr(locale, t.note), order.note] as [string, string]] : []),
    ],
    body: timeline.join('\n'),
    actions: [
      // after delivery a manager sends an installer; the owner may still confirm it installed
      ...(order.status === 'delivered'
        ? [
            {
              actionId: 'orders.install.pick',
              label: tr(locale, t.assign),
              style: 'primary',
              value: order.no,
              for: audienceOf(order, 'assign', assigners),
            } as Button,
          ]
        : []),
      ...(next ? [button(next, order.status === 'delivered' ? 'default' : 'primary')] : []),
      ...(PIPELINE.cancel.from.includes(order.status) ? [button('cancel', 'danger')] : []),
    ],
  };
}

/** "× 5 @ ¥399.00 = ¥1,995.00"; a line from before prices were kept shows its quantity only. */
function lineText(l: SalesOrderDoc['lines'][number], locale: Locale): string {
  if (!l.currency) return `× ${l.qty}`;
  const priced = { qty: l.qty, price: l.price ?? 0, currency: l.currency };
  return `× ${l.qty} @ ${formatMoney(lineMinor({ ...priced, qty: 1 }), l.currency, locale)} = ${formatMoney(lineMinor(priced), l.currency, locale)}`;
}

/** The order's total per currency ("–" for an order from before prices were kept). */
export const orderTotal = (order: Pick<SalesOrderDoc, 'lines'>, locale: Locale): string =>
  formatTotals(
    totalsOf(
      order.lines
        .filter((l) => l.currency)
        .map((l) => ({ qty: l.qty, price: l.price ?? 0, currency: l.currency })),
    ),
    locale,
  );

export function myOrdersCard(orders: SalesOrderDoc[], locale: Locale): Card {
  return {
    title: tr(locale, t.mine, { n: orders.length }),
    body: orders.length === 0 ? tr(locale, t.noneMine) : undefined,
    fields: orders.map((o) => [
      `${o.no} · ${o.customerName}`,
      `${tr(locale, STATUS_LABEL[o.status])} · ${orderTotal(o, locale)}`,
    ]),
    actions: orders
      .slice(0, 10)
      .map((o) => ({ actionId: 'orders.show', label: o.no, style: 'default', value: o.no })),
  };
}
