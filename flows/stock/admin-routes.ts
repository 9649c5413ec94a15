import { Hono } from 'hono';
import { z } from 'zod';
import type { AdminDeps } from '../../src/bot/flow.js';
import { dayParam } from '../../src/http/query-dates.js';
import { exportLedgerCsv } from './export-ledger.js';
import { importProductsCsv } from './import-products.js';

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;

/** Stock admin endpoints, mounted under /api behind the admin token (see src/admin/routes.ts). */
export function stockAdminRoutes({ now }: AdminDeps): Hono {
  const day = dayParam(now);
  return (
    new Hono()
      .post('/import/products', async (c) => {
        const report = await importProductsCsv(await c.req.text(), now());
        return report.ok ? c.json(report) : c.json({ error: 'nothing imported', rows: report.errors }, 400);
      })
      // from/to are UTC days, `to` inclusive
      .get('/export/stock-ledger', async (c) => {
        const query = z.object({ from: day, to: day }).safeParse(c.req.query());
        if (!query.success) return c.json({ error: 'from and to are required, as YYYY-MM-DD' }, 400);
        const from = new Date(`${query.data.from}T00:00:00Z`);
        const to = new Date(new Date(`${query.data.to}T00:00:00Z`).getTime() + DAY_MS);
        if (to <= from || to.getTime() - from.getTime() > MAX_DAYS * DAY_MS)
          return c.json({ error: `to must be on or after from, at most ${MAX_DAYS} days later` }, 400);
        return c.body(await exportLedgerCsv(from, to), 200, { 'content-type': 'text/csv; charset=utf-8' });
      })
  );
}
