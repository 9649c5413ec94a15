import { Hono } from 'hono';
import type { AdminDeps } from '../../src/bot/flow.js';
import { relistOrders } from './migrations.js';

/** The repair of what orders keep on write: number pointers, owners' open orders. */
export function orderAdminRoutes({ now }: AdminDeps): Hono {
  return new Hono().post('/orders/relist', async (c) => c.json(await relistOrders(now())));
}
