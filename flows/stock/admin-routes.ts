import { Hono } from 'hono';
import type { AdminDeps } from '../../src/bot/flow.js';
import { dayRangeQuery, readDayRange } from '../../src/http/query-dates.js';
import { documented } from '../../src/http/route-doc.js';
import { formatParam, tableResponse } from '../../src/http/table-response.js';
import { ledgerTable } from './export-ledger.js';

const MAX_DAYS = 366;

/** Stock admin endpoints (the ledger export; product imports run as jobs, src/admin/imports.ts), mounted under /api behind the admin token (see src/admin/routes.ts). */
export function stockAdminRoutes({ now }: AdminDeps): Hono {
  return new Hono().get(
    '/export/stock-ledger',
    documented({
      tag: 'stock',
      summary:
        'Every stock movement between two UTC days (inclusive), samples with their customer, as CSV or XLSX',
      query: dayRangeQuery(now).extend({ format: formatParam }),
      responses: {
        200: { description: 'the movements, oldest first', contentType: 'text/csv' },
        400: { description: 'a day missing, not real, too far off, reversed, or more than 366 days' },
      },
    }),
    async (c) => {
      const range = readDayRange(c.req.query(), now, MAX_DAYS);
      if ('error' in range) return c.json({ error: range.error }, 400);
      const format = formatParam.safeParse(c.req.query('format'));
      if (!format.success) return c.json({ error: 'format must be csv or xlsx' }, 400);
      const name = `stock-ledger-${c.req.query('from')}-${c.req.query('to')}`;
      return tableResponse(c, await ledgerTable(range.from, range.to), name, format.data);
    },
  );
}
