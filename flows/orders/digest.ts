import { type OrderStatus, SalesOrder, type SalesOrderDoc } from '../../db/models/sales-order.js';
import {
  type DigestSection,
  type DigestSectionSpec,
  type RunContext,
  WITH_BUTTONS,
} from '../../src/bot/digest.js';
import { ageText, tr } from '../../src/bot/i18n.js';
import type { Button } from '../../src/bot/types.js';
import { isAssigner, overdueInstallations } from './installation.js';

/** This flow's lines in the morning digest. */
const t = {
  toShip: { 'zh-CN': '待生产 / 待发货订单', en: 'Orders to produce or ship' },
  produce: { 'zh-CN': '开始生产', en: 'Start production' },
  ship: { 'zh-CN': '发货', en: 'Ship' },
  overdue: { 'zh-CN': '逾期未完成的安装', en: 'Overdue installations' },
  overdueLine: {
    'zh-CN': '{no} · {customer} · {who} · 截止 {due}',
    en: '{no} · {customer} · {who} · due {due}',
  },
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

/**
 * Warehouse and service managers: open installation jobs past their due date (in the reader's
 * today), oldest due first. A job whose order was confirmed installed another way is left out.
 */
async function overdueInstalls(ctx: RunContext): Promise<Map<string, DigestSection>> {
  const managers = ctx.readers.filter((r) => isAssigner(r));
  if (managers.length === 0) return new Map();
  const latest =
    managers
      .map((r) => r.date)
      .sort()
      .at(-1) ?? '';
  const jobs = await overdueInstallations(latest);
  const orders = await Promise.all(jobs.map((j) => SalesOrder.findById(j.orderId, { status: 1 }).lean()));
  const open = jobs.filter((_, i) => orders[i]?.status === 'delivered');
  const out = new Map<string, DigestSection>();
  for (const r of managers) {
    const mine = open.filter((j) => j.due < r.date);
    if (mine.length === 0) continue;
    out.set(r.id, {
      title: tr(r.locale, t.overdue),
      lines: mine.map((j) =>
        tr(r.locale, t.overdueLine, {
          no: j.no,
          customer: j.customerName,
          who: ctx.nameOf(j.assigneeId),
          due: j.due,
        }),
      ),
      buttons: mine
        .slice(0, WITH_BUTTONS)
        .map((j): Button => ({ actionId: 'orders.show', label: j.no, style: 'default', value: j.no })),
    });
  }
  return out;
}

/** What orders adds to the morning digest. */
export const orderDigestSections: DigestSectionSpec[] = [
  { name: 'orders.toShip', order: 70, load: ordersToShip },
  { name: 'orders.installsOverdue', order: 72, load: overdueInstalls },
];
