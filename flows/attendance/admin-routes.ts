import { Hono } from 'hono';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AdminDeps } from '../../src/bot/flow.js';
import { monthParam } from '../../src/http/query-dates.js';
import { formatParam, tableResponse } from '../../src/http/table-response.js';
import { monthSummary, monthTable } from './report.js';
import { recountMonths } from './rollup.js';

/**
 * Attendance exports for HR, under the admin API's bearer token: the month as CSV (one row per
 * employee-day, streamed batch by batch; `?format=xlsx` for a spreadsheet) and a JSON summary per employee, both from the month
 * rollups; and the repair that recounts those rollups (one month, or all of them).
 */
export function attendanceAdminRoutes({ now }: AdminDeps): Hono {
  const api = new Hono();
  const month = monthParam(now);
  const query = z.object({ month, department: z.string().trim().min(1).max(100).optional() });

  api.get('/reports/attendance', async (c) => {
    const q = query.extend({ format: formatParam }).safeParse(c.req.query());
    if (!q.success) return c.json({ error: describe(q.error) }, 400);
    const { month, department, format } = q.data;
    const table = monthTable(month, department, DateTime.fromJSDate(now()));
    return tableResponse(c, table, `attendance-${month}`, format);
  });

  api.get('/reports/attendance/summary', async (c) => {
    const q = query.safeParse(c.req.query());
    if (!q.success) return c.json({ error: describe(q.error) }, 400);
    return c.json(await monthSummary(q.data.month, q.data.department, DateTime.fromJSDate(now())));
  });

  api.post('/reports/attendance/recount', async (c) => {
    const q = z.object({ month: month.optional() }).safeParse(c.req.query());
    if (!q.success) return c.json({ error: describe(q.error) }, 400);
    return c.json(await recountMonths(now(), q.data.month));
  });

  return api;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'query'}: ${issue.message}` : 'invalid query';
}
