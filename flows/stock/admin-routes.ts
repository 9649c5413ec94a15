import { Hono } from 'hono';
import type { AdminDeps } from '../../src/bot/flow.js';
import { importProductsCsv } from './import-products.js';

/** Stock admin endpoints, mounted under /api behind the admin token (see src/admin/routes.ts). */
export function stockAdminRoutes({ now }: AdminDeps): Hono {
  return new Hono().post('/import/products', async (c) => {
    const report = await importProductsCsv(await c.req.text(), now());
    return report.ok ? c.json(report) : c.json({ error: 'nothing imported', rows: report.errors }, 400);
  });
}
