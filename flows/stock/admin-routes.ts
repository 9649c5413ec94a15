import { Hono } from 'hono';
import { z } from 'zod';
import type { AdminDeps } from '../../src/bot/flow.js';
import { dayRangeQuery, readDayRange } from '../../src/http/query-dates.js';
import { documented } from '../../src/http/route-doc.js';
import { formatParam, tableResponse } from '../../src/http/table-response.js';
import { ledgerTable } from './export-ledger.js';
import { setReorderRule } from './reorder.js';

const MAX_DAYS = 366;

const ruleInput = z.object({
  sku: z.string().min(1),
  /** Code or name; omitted: the first warehouse. */
  warehouse: z.string().default(''),
  min: z.number().int().min(0),
  max: z.number().int().positive(),
  supplier: z.string().max(120).default(''),
});

/** Stock admin endpoints, mounted under /api behind the admin token (see src/admin/routes.ts). */
export function stockAdminRoutes({ now }: AdminDeps): Hono {
  return new Hono()
    .put(
      '/reorder-rules',
      documented({
        tag: 'stock',
        summary: 'Set the min/max reorder rule of a product in a warehouse (replaces the one there)',
        body: { json: ruleInput },
        responses: {
          200: { description: '`{rule}` as stored' },
          400: {
            description:
              '`{error}`: a field missing or wrong, an unknown SKU or warehouse, or max not above min',
          },
        },
      }),
      async (c) => {
        const input = ruleInput.safeParse(await c.req.json().catch(() => null));
        if (!input.success) return c.json({ error: input.error.issues[0]?.message ?? 'invalid body' }, 400);
        const set = await setReorderRule({ ...input.data, actor: { roles: ['admin'] }, at: now() });
        return set.ok ? c.json({ rule: set.rule }) : c.json({ error: set.refusal }, 400);
      },
    )
    .get(
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
