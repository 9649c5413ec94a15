import { Hono } from 'hono';
import { relistOrders } from '../../flows/orders/api.js';
import { importProductsCsv } from '../../flows/stock/api.js';
import type { Clock } from '../clock.js';

/** Stock admin endpoints, mounted under /api behind the admin token (see routes.ts). */
export function stockAdminRoutes(now: Clock): Hono {
  const api = new Hono();
  api.post('/import/products', async (c) => {
    const report = await importProductsCsv(await c.req.text(), now());
    return report.ok ? c.json(report) : c.json({ error: 'nothing imported', rows: report.errors }, 400);
  });
  // the repair of what orders keep on write: number pointers, owners' open orders
  api.post('/orders/relist', async (c) => c.json(await relistOrders(now())));
  return api;
}
