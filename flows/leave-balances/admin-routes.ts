import { Hono } from 'hono';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AdminDeps } from '../../src/bot/flow.js';
import { csvLine } from '../../src/csv-export.js';
import { dayParam } from '../../src/http/query-dates.js';
import { readJson } from '../../src/http/read-json.js';
import { documented } from '../../src/http/route-doc.js';
import { findActiveByEmail } from '../org/api.js';
import { recordEvent } from './ledger.js';
import { leavePolicySchema, readLeavePolicy, saveLeavePolicy } from './policy.js';
import { balanceRows, CSV_HEADER } from './report.js';

/**
 * HR's side of leave balances, under the admin API's bearer token: the policy (read and
 * replace, validated whole), opening balances and corrections, and everyone's balances as CSV.
 */
const adjustment = z.object({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,60}$/, 'letters, digits, . _ - (at most 60)'),
  email: z.email(),
  kind: z.string().min(1).max(20),
  year: z.number().int().min(2000).max(2100),
  days: z
    .number()
    .min(-366)
    .max(366)
    .refine((d) => d !== 0 && Number.isInteger(d * 2), 'whole or half days, not 0'),
});

export function leaveBalanceAdminRoutes({ now }: AdminDeps): Hono {
  const api = new Hono();
  const query = z.object({ date: dayParam(now).optional() });

  const tag = 'leave balances';
  const policyDoc = documented({
    tag,
    summary:
      'The leave policy: kinds with yearly entitlement, accrual, carry-over cap and expiry, what happens below zero',
    responses: {
      200: { description: 'the policy (the code default until HR sets one)', json: leavePolicySchema },
    },
  });
  api.get('/leave/policy', policyDoc, async (c) => c.json(await readLeavePolicy()));

  // a bad policy is refused whole, naming its first problem; nothing is written
  const putDoc = documented({
    tag,
    summary: 'Replace the leave policy, checked whole',
    body: { json: leavePolicySchema },
    responses: {
      200: { description: 'the policy as stored' },
      400: { description: '`{error}` names the first problem' },
    },
  });
  api.put('/leave/policy', putDoc, async (c) => {
    const body = await readJson(c, leavePolicySchema);
    if ('error' in body) return c.json({ error: body.error }, 400);
    await saveLeavePolicy(body.data, now());
    return c.json(body.data);
  });

  // an opening balance or a correction; `id` is the caller's, so a retried call adds nothing twice
  const adjustDoc = documented({
    tag,
    summary: 'An opening balance or a correction, once per `id`',
    body: { json: adjustment },
    responses: { 200: { description: '`{ok: true}`' }, 400: { description: '`{error}` names the field' } },
  });
  api.post('/leave/adjustments', adjustDoc, async (c) => {
    const body = await readJson(c, adjustment);
    if ('error' in body) return c.json({ error: body.error }, 400);
    const { id, email, kind, year, days } = body.data;
    const policy = await readLeavePolicy();
    if (!policy.types[kind]) return c.json({ error: `kind: ${kind} has no balance in the policy` }, 400);
    if (year < policy.startYear) return c.json({ error: `year: balances start in ${policy.startYear}` }, 400);
    const person = await findActiveByEmail(email);
    if (!person) return c.json({ error: `email: no active employee ${email}` }, 400);
    await recordEvent(
      {
        employeeId: person.id,
        no: id,
        kind,
        event: 'adjust',
        parts: [{ year, days, date: `${year}-01-01` }],
      },
      now(),
    );
    return c.json({ ok: true });
  });

  // ?date=YYYY-MM-DD: balances as of that day (default today, UTC), in its year
  const reportDoc = documented({
    tag,
    summary: 'Everyone’s balances as of a day (default today, UTC) as CSV',
    query,
    responses: {
      200: { description: 'one row per person and kind', contentType: 'text/csv' },
      400: { description: 'a bad date' },
    },
  });
  api.get('/reports/leave-balances', reportDoc, async (c) => {
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
