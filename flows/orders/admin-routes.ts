import { Hono } from 'hono';
import type { AdminDeps } from '../../src/bot/flow.js';
import { documented } from '../../src/http/route-doc.js';
import { relistOrders } from './migrations.js';

/** The repair of what orders keep on write: number pointers, owners' open orders. */
export function orderAdminRoutes({ now }: AdminDeps): Hono {
  return new Hono().post(
    '/orders/relist',
    documented({
      tag: 'orders',
      summary: 'Rebuild order-number pointers and owners’ open orders from the orders',
      description: 'Reads the whole orders collection.',
      responses: { 200: { description: '`{orders, owners}`' } },
    }),
    async (c) => c.json(await relistOrders(now())),
  );
}
