import { Hono } from 'hono';
import type { AdminDeps } from '../../src/bot/flow.js';
import { matchCustomersReport } from './match-customers.js';
import { relistOrders } from './migrations.js';

/**
 * The repair of what orders keep on write (number pointers, owners' open orders), and the orders
 * whose customer name matches no CRM customer (see match-customers.ts).
 */
export function orderAdminRoutes({ now }: AdminDeps): Hono {
  return new Hono()
    .post('/orders/relist', async (c) => c.json(await relistOrders(now())))
    .post('/orders/match-customers', async (c) => c.json(await matchCustomersReport(now())));
}
