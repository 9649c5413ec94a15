import { type OrderStatus, SalesOrder, type SalesOrderDoc } from '../../../db/models/sales-order.js';
import { ageText, tr } from '../../../src/bot/i18n.js';
import type { Button } from '../../../src/bot/types.js';
import { lowStock } from '../../stock/catalog.js';
import { type DigestSection, type RunContext, WITH_BUTTONS } from '../section.js';
import { t } from '../text.js';

const WAITING: OrderStatus[] = ['placed', 'production'];

/** Warehouse staff: products at or under their reorder level (one list for all of them). */
export async function lowStockSection(ctx: RunContext): Promise<Map<string, DigestSection>> {
  const staff = ctx.readers.filter((r) => r.roles.includes('warehouse'));
  if (staff.length === 0) return new Map();
  const low = await lowStock();
  if (low.length === 0) return new Map();
  return new Map(
    staff.map((r) => [
      r.id,
      {
        title: tr(r.locale, t.lowStock),
        lines: low.map(({ product, onHand }) => {
          const name = r.locale === 'en' && product.nameEn ? product.nameEn : product.name;
          return `${product.sku} ${name} · ${tr(r.locale, t.onHand, { n: onHand, min: product.reorderLevel })}`;
        }),
      },
    ]),
  );
}

/** Warehouse staff: orders waiting for production or shipping, oldest first, with the next step. */
export async function ordersToShip(ctx: RunContext): Promise<Map<string, DigestSection>> {
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
