import { Hono } from 'hono';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AdminDeps } from '../../src/bot/flow.js';
import { csvLine } from '../../src/csv-export.js';
import { dayParam } from '../../src/http/query-dates.js';
import { readLeavePolicy, saveLeavePolicy } from './policy.js';
import { balanceRows, CSV_HEADER } from './report.js';

/**
 * HR's side of leave balances, under the admin API's bearer token: the policy (read and
 * replace, validated whole) and everyone's balances as CSV.
 */
export function leaveBalanceAdminRoutes({ now }: AdminDeps): Hono {
  const api = new Hono();
  const query = z.object({ date: dayParam(now).optional() });

  api.get('/leave/policy', async (c) => c.json(await readLeavePolicy()));

  api.put('/leave/policy', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'body must be JSON' }, 400);
    }
    const saved = await saveLeavePolicy(body, now());
    return saved.ok ? c.json(saved.policy) : c.json({ error: saved.error }, 400);
  });

  // ?date=YYYY-MM-DD: balances as of that day (default today, UTC), in its year
  api.get('/reports/leave-balances', async (c) => {
    const q = query.safeParse(c.req.query());
    if (!q.success)
      return c.json({ error: `${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}` }, 400);
    const asOf = q.data.date ?? (DateTime.fromJSDate(now(), { zone: 'utc' }).toISODate() as string);
    const year = Number(asOf.slice(0, 4));
    const rows = await balanceRows(await readLeavePolicy(), year, asOf);
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="leave-balances-${asOf}.csv"`);
    // the BOM makes Excel read UTF-8 (Chinese names)
    return c.body(`\uFEFF${[CSV_HEADER, ...rows].map(csvLine).join('')}`);
  });

  return api;
}
