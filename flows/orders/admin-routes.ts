import { Hono } from 'hono';
import type { AdminDeps } from '../../src/bot/flow.js';
import { documented } from '../../src/http/route-doc.js';
import { matchCustomersReport } from './match-customers.js';
import { relistOrders } from './migrations.js';

/**
 * The repair of what orders keep on write (number pointers, owners' open orders), and the orders
 * whose customer name matches no CRM customer (see match-customers.ts).
 */
export function orderAdminRoutes({ now }: AdminDeps): Hono {
  return new Hono()
    .post(
      '/orders/relist',
      documented({
        tag: 'orders',
        summary: 'Rebuild order-number pointers and owners’ open orders from the orders',
        description: 'Reads the whole orders collection.',
        responses: { 200: { description: '`{orders, owners}`' } },
      }),
      async (c) => c.json(await relistOrders(now())),
    )
    .post(
      '/orders/match-customers',
      documented({
        tag: 'orders',
        summary: 'Tie orders without a customer id to the CRM customer of the same name',
        description: 'Reads the orders without an id; exact normalised names only.',
        responses: {
          200: { description: '`{matched, unmatched, orders: [{no, customer}]}`: the ones still unmatched' },
        },
      }),
      async (c) => c.json(await matchCustomersReport(now())),
    );
}
