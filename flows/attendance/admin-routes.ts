import { Hono } from 'hono';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AdminDeps } from '../../src/bot/flow.js';
import { monthParam } from '../../src/http/query-dates.js';
import { documented } from '../../src/http/route-doc.js';
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

  const exportQuery = query.extend({ format: formatParam });
  const badQuery = { description: '`{error}` names the bad parameter' };

  const exportDoc = documented({
    tag: 'attendance',
    summary: 'The month, one row per employee-day, as CSV or XLSX (streamed)',
    query: exportQuery,
    responses: { 200: { description: 'the rows', contentType: 'text/csv' }, 400: badQuery },
  });
  api.get('/reports/attendance', exportDoc, async (c) => {
    const q = exportQuery.safeParse(c.req.query());
    if (!q.success) return c.json({ error: describe(q.error) }, 400);
    const { month, department, format } = q.data;
    const table = monthTable(month, department, DateTime.fromJSDate(now()));
    return tableResponse(c, table, `attendance-${month}`, format);
  });

  const summaryDoc = documented({
    tag: 'attendance',
    summary: 'Each employee’s month figures',
    query,
    responses: { 200: { description: '`{month, employees: [...]}`' }, 400: badQuery },
  });
  api.get('/reports/attendance/summary', summaryDoc, async (c) => {
    const q = query.safeParse(c.req.query());
    if (!q.success) return c.json({ error: describe(q.error) }, 400);
    return c.json(await monthSummary(q.data.month, q.data.department, DateTime.fromJSDate(now())));
  });

  const recountQuery = z.object({ month: month.optional() });
  const recountDoc = documented({
    tag: 'attendance',
    summary: 'Recount the month rollups (one month, or every month) from the days and leave',
    query: recountQuery,
    responses: { 200: { description: 'the counts written' }, 400: badQuery },
  });
  api.post('/reports/attendance/recount', recountDoc, async (c) => {
    const q = recountQuery.safeParse(c.req.query());
    if (!q.success) return c.json({ error: describe(q.error) }, 400);
    return c.json(await recountMonths(now(), q.data.month));
  });

  return api;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'query'}: ${issue.message}` : 'invalid query';
}
