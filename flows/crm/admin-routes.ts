import { Hono } from 'hono';
import { z } from 'zod';
import type { AdminDeps } from '../../src/bot/flow.js';
import { dayParam } from '../../src/http/query-dates.js';
import { customerBreakdown, DIMENSIONS } from './analytics.js';
import { exportFollowUpsCsv } from './export-follow-ups.js';
import { recountCustomers } from './recount.js';

/** The longest export one request may ask for: a year, read and built in memory at once. */
const MAX_EXPORT_DAYS = 366;
const DAY_MS = 86_400_000;

/** CRM admin REST, mounted under /api by adminRoutes (which checks the bearer token first). */
export function crmAdminRoutes({ now }: AdminDeps): Hono {
  const api = new Hono();
  const isoDay = dayParam(now);

  api.get('/crm/analytics', async (c) => {
    const query = z.object({ by: z.enum(DIMENSIONS).default('city') }).safeParse(c.req.query());
    if (!query.success) return c.json({ error: `by must be one of ${DIMENSIONS.join(', ')}` }, 400);
    return c.json(await customerBreakdown(query.data.by));
  });

  // the repair of what is kept on write: name pointers, owners' lists, the analytics counts
  api.post('/crm/recount', async (c) => c.json(await recountCustomers(now())));

  // from/to are UTC days; `to` is inclusive
  api.get('/export/followups', async (c) => {
    const query = z.object({ from: isoDay, to: isoDay }).safeParse(c.req.query());
    if (!query.success) {
      const issue = query.error.issues[0];
      // a date of the right shape that is no day, or too far off, is named; anything else gets the usage
      const error =
        issue?.code === 'custom'
          ? `${issue.path.join('.')}: ${issue.message}`
          : 'from and to are required, as YYYY-MM-DD';
      return c.json({ error }, 400);
    }
    const from = new Date(`${query.data.from}T00:00:00Z`);
    const to = new Date(new Date(`${query.data.to}T00:00:00Z`).getTime() + DAY_MS);
    if (to <= from) return c.json({ error: 'to is before from' }, 400);
    if (to.getTime() - from.getTime() > MAX_EXPORT_DAYS * DAY_MS)
      return c.json({ error: `at most ${MAX_EXPORT_DAYS} days per export` }, 400);
    const csv = await exportFollowUpsCsv(from, to);
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8' });
  });

  return api;
}
