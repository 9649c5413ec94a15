import { type OrderStatus, SalesOrder, type SalesOrderDoc } from '../../db/models/sales-order.js';
import {
  type DigestSection,
  type DigestSectionSpec,
  type RunContext,
  WITH_BUTTONS,
} from '../../src/bot/digest.js';
import { ageText, tr } from '../../src/bot/i18n.js';
import type { Button } from '../../src/bot/types.js';

/** This flow's lines in the morning digest. */
const t = {
  toShip: { 'zh-CN': '待生产 / 待发货订单', en: 'Orders to produce or ship' },
  produce: { 'zh-CN': '开始生产', en: 'Start production' },
  ship: { 'zh-CN': '发货', en: 'Ship' },
};

const WAITING: OrderStatus[] = ['placed', 'production'];

/** Warehouse staff: orders waiting for production or shipping, oldest first, with the next step. */
async function ordersToShip(ctx: RunContext): Promise<Map<string, DigestSection>> {
  const staff = ctx.readers.filter((r) => r.roles.includes('warehouse'));
  if (staff.length === 0) return new Map();
  const orders = await SalesOrder.find(
    { status: { $in: WAITING } },
    { no: 1, customerName: 1, status: 1, createdAt: 1 },
  ).lean<SalesOrderDoc[]>();
  if (orders.length === 0) return new Map();
  orders.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return new Map(
    staff.map((r) => [
      r.id,
      {
        title: tr(r.locale, t.toShip),
        lines: orders.map((o) => `${o.no} · ${o.customerName} · ${ageText(o.createdAt, ctx.now, r.locale)}`),
        buttons: orders.slice(0, WITH_BUTTONS).map((o): Button => {
          const step = o.status === 'placed' ? 'produce' : 'ship';
          const label = tr(r.locale, step === 'produce' ? t.produce : t.ship);
          return {
            actionId: 'orders.advance',
            label: `${label} ${o.no}`,
            style: 'default',
            value: `${o.no} ${step}`,
          };
        }),
      },
    ]),
  );
}

/** What orders adds to the morning digest. */
export const orderDigestSections: DigestSectionSpec[] = [
  { name: 'orders.toShip', order: 70, load: ordersToShip },
];
