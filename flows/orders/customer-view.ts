import { DateTime } from 'luxon';
import type mongoose from 'mongoose';
import { SalesOrder, type SalesOrderDoc } from '../../db/models/sales-order.js';
import { Sample, type SampleDoc } from '../../db/models/sample.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import type { Locale } from '../../src/bot/types.js';
import { formatMoney, productName } from '../stock/api.js';
import { orderTotal, STATUS_LABEL } from './cards.js';
import { customerOrders, customerSamples } from './keys.js';

type Id = mongoose.Types.ObjectId;

const t = {
  orders: { 'zh-CN': '订单', en: 'Orders' },
  samples: { 'zh-CN': '样品', en: 'Samples' },
  sample: {
    sent: { 'zh-CN': '已送出', en: 'sent' },
    awaiting: { 'zh-CN': '待审批', en: 'awaiting approval' },
    rejected: { 'zh-CN': '未批准', en: 'not approved' },
  } satisfies Record<SampleDoc['status'], Text>,
};

/** The newest `limit` of a customer's list, each read by `_id`, newest first. */
async function newest<D extends { createdAt?: Date; at?: Date }>(
  ids: Id[],
  read: (id: Id) => Promise<D | null>,
  limit: number,
): Promise<D[]> {
  const docs = await Promise.all(ids.slice(-limit).map(read));
  const when = (d: D) => (d.createdAt ?? d.at ?? new Date(0)).getTime();
  return docs.filter((d): d is Awaited<D> & D => d !== null).sort((a, b) => when(b) - when(a));
}

export const ordersOfCustomer = async (customerId: Id | string, limit = 5): Promise<SalesOrderDoc[]> =>
  newest(await customerOrders.read(customerId), (id) => SalesOrder.findById(id).lean<SalesOrderDoc>(), limit);

export const samplesOfCustomer = async (customerId: Id | string, limit = 5): Promise<SampleDoc[]> =>
  newest(await customerSamples.read(customerId), (id) => Sample.findById(id).lean<SampleDoc>(), limit);

export type CustomerSection = { title: string; lines: string[] };

/**
 * What the CRM profile shows of a customer's business with us: its latest orders (status and
 * total) and samples. Bounded: the newest five of each, read by `_id` from the customer's lists.
 */
export async function customerSections(
  customerId: Id | string,
  viewer: { locale: Locale; timezone: string },
): Promise<CustomerSection[]> {
  const { locale, timezone } = viewer;
  const day = (d: Date) => DateTime.fromJSDate(d, { zone: timezone }).toFormat('yyyy-MM-dd');
  const [orders, samples] = await Promise.all([ordersOfCustomer(customerId), samplesOfCustomer(customerId)]);
  const sections: CustomerSection[] = [];
  if (orders.length > 0)
    sections.push({
      title: tr(locale, t.orders),
      lines: orders.map(
        (o) => `${o.no} ${day(o.createdAt)} ${tr(locale, STATUS_LABEL[o.status])} · ${orderTotal(o, locale)}`,
      ),
    });
  if (samples.length > 0)
    sections.push({
      title: tr(locale, t.samples),
      lines: samples.map(
        (s) =>
          `${s.no} ${day(s.at)} ${s.sku} ${productName(s, locale)} × ${s.qty} · ${formatMoney(s.value, s.currency, locale)} · ${tr(locale, t.sample[s.status])}`,
      ),
    });
  return sections;
}
