import { Hono } from 'hono';
import { importProductsCsv } from '../../flows/stock/import-products.js';
import type { Clock } from '../clock.js';

/** Stock admin endpoints, mounted under /api behind the admin token (see routes.ts). */
export function stockAdminRoutes(now: Clock): Hono {
  const api = new Hono();
  api.post('/import/products', async (c) => {
    const report = await importProductsCsv(await c.req.text(), now());
    return report.ok ? c.json(report) : c.json({ error: 'nothing imported', rows: report.errors }, 400);
  });
  return api;
}
