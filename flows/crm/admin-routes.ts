import { Hono } from 'hono';
import { z } from 'zod';
import type { AdminDeps } from '../../src/bot/flow.js';
import { dayRangeQuery, readDayRange } from '../../src/http/query-dates.js';
import { documented } from '../../src/http/route-doc.js';
import { formatParam, tableResponse } from '../../src/http/table-response.js';
import { customerBreakdown, DIMENSIONS } from './analytics.js';
import { followUpsTable } from './export-follow-ups.js';
import { recountCustomers } from './recount.js';
import { recountFollowUpWeeks } from './trend-migration.js';

/** The longest export one request may ask for: a year, read and built in memory at once. */
const MAX_EXPORT_DAYS = 366;

/** CRM admin REST, mounted under /api by adminRoutes (which checks the bearer token first). */
export function crmAdminRoutes({ now }: AdminDeps): Hono {
  const api = new Hono();

  const analyticsQuery = z.object({ by: z.enum(DIMENSIONS).default('city') });
  const exportQuery = dayRangeQuery(now).extend({ format: formatParam });

  const analyticsDoc = documented({
    tag: 'crm',
    summary: 'Customers counted by city, age band, industry, stage, owner or lost reason (lost_reason)',
    query: analyticsQuery,
    responses: {
      200: { description: '`{by, total, rows: [{key, count, share}]}`' },
      400: { description: 'unknown `by`' },
    },
  });
  api.get('/crm/analytics', analyticsDoc, async (c) => {
    const query = analyticsQuery.safeParse(c.req.query());
    if (!query.success) return c.json({ error: `by must be one of ${DIMENSIONS.join(', ')}` }, 400);
    return c.json(await customerBreakdown(query.data.by));
  });

  // the repair of what is kept on write: name pointers, owners' lists, the analytics counts, the follow-up weeks
  api.post(
    '/crm/recount',
    documented({
      tag: 'crm',
      summary: 'Rebuild name pointers, owners’ lists and analytics counts, and the follow-up trend’s weeks',
      description:
        'Reads the whole customers collection and the whole follow-up log. `missed`: rollups an insert could not add to (the trends reading them said they may be short).',
      responses: { 200: { description: '`{customers, owners, followUps, missed}`' } },
    }),
    async (c) => c.json({ ...(await recountCustomers(now())), ...(await recountFollowUpWeeks(now())) }),
  );

  // from/to are UTC days; `to` is inclusive
  const exportDoc = documented({
    tag: 'crm',
    summary: 'The follow-up log between two UTC days (inclusive), as CSV or XLSX',
    query: exportQuery,
    responses: {
      200: { description: 'the rows, oldest first', contentType: 'text/csv' },
      400: { description: 'a day missing, not real, too far off, reversed, or more than 366 days' },
    },
  });
  api.get('/export/followups', exportDoc, async (c) => {
    const range = readDayRange(c.req.query(), now, MAX_EXPORT_DAYS);
    if ('error' in range) return c.json({ error: range.error }, 400);
    const format = formatParam.safeParse(c.req.query('format'));
    if (!format.success) return c.json({ error: 'format must be csv or xlsx' }, 400);
    const name = `followups-${c.req.query('from')}-${c.req.query('to')}`;
    return tableResponse(c, await followUpsTable(range.from, range.to), name, format.data);
  });

  return api;
}
