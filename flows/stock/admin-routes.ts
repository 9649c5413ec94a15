import { Hono } from 'hono';
import type { AdminDeps } from '../../src/bot/flow.js';
import { documented } from '../../src/http/route-doc.js';
import { importProductsCsv } from './import-products.js';

/** Stock admin endpoints, mounted under /api behind the admin token (see src/admin/routes.ts). */
export function stockAdminRoutes({ now }: AdminDeps): Hono {
  return new Hono().post(
    '/import/products',
    documented({
      tag: 'stock',
      summary: 'Import products from CSV (upsert by SKU), all or nothing',
      body: { csv: 'sku,name,name_en,spec,unit,price,reorder_level (sku and name required)' },
      responses: {
        200: { description: 'the import report' },
        400: { description: '`{error, rows: [{line, problem}]}`: nothing imported' },
      },
    }),
    async (c) => {
      const report = await importProductsCsv(await c.req.text(), now());
      return report.ok ? c.json(report) : c.json({ error: 'nothing imported', rows: report.errors }, 400);
    },
  );
}
