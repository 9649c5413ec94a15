import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { EmployeeDoc } from '../../db/models/employee.js';
import type { DigestDeps } from '../../flows/digests/api.js';
import * as org from '../../flows/org/api.js';
import type { Clock } from '../clock.js';
import { AppError, describeIssue } from '../errors.js';
import { readJson } from '../http/read-json.js';
import { approvalRoutes } from './approval-routes.js';
import { attendanceReportRoutes } from './attendance-reports.js';
import { crmRoutes } from './crm-routes.js';
import { digestRoutes } from './digest-routes.js';
import { stockAdminRoutes } from './stock-routes.js';

const STATUS: Record<string, 400 | 404 | 409> = {
  'org.not_found': 404,
  'org.duplicate': 409,
  'org.identity_taken': 409,
  'org.cycle': 400,
};
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Admin REST under /api: bearer ADMIN_TOKEN; unset token = the API is off (503), never open. */
export function adminRoutes(adminToken: string | undefined, digests: DigestDeps, now: Clock): Hono {
  const api = new Hono();

  api.use('*', async (c, next) => {
    if (!adminToken) return c.json({ error: 'admin API is off: set ADMIN_TOKEN' }, 503);
    const given = c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
    if (!sameSecret(given, adminToken)) return c.json({ error: 'bearer token required' }, 401);
    await next();
  });

  api.use(
    '*',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: 'body larger than 5 MB' }, 413) }),
  );

  api.onError((err, c) => {
    if (err instanceof AppError && STATUS[err.code]) {
      const told = err.userMessage;
      return c.json(
        { error: typeof told === 'string' ? told : (told?.en ?? err.message) },
        STATUS[err.code] ?? 400,
      );
    }
    throw err;
  });

  api.get('/employees', async (c) => {
    const query = z
      .object({ department: z.string().optional(), active: z.enum(['true', 'false']).optional() })
      .safeParse(c.req.query());
    if (!query.success) return c.json({ error: describeIssue(query.error) }, 400);
    const { department, active } = query.data;
    const list = await org.listEmployees({
      department,
      active: active === undefined ? undefined : active === 'true',
    });
    return c.json({ employees: list.map(view) });
  });

  api.post('/employees', async (c) => {
    const body = await readJson(c, org.employeeInput);
    if ('error' in body) return c.json({ error: body.error }, 400);
    return c.json({ employee: view(await org.createEmployee(body.data, now())) }, 201);
  });

  api.patch('/employees/:email', async (c) => {
    const body = await readJson(c, org.employeePatch);
    if ('error' in body) return c.json({ error: body.error }, 400);
    return c.json({ employee: view(await org.updateEmployee(c.req.param('email'), body.data, now())) });
  });

  api.post('/employees/:email/deactivate', async (c) => {
    return c.json({
      employee: view(await org.updateEmployee(c.req.param('email'), { active: false }, now())),
    });
  });

  api.post('/identities', async (c) => {
    const body = await readJson(c, org.identityInput);
    if ('error' in body) return c.json({ error: body.error }, 400);
    return c.json({ identity: await org.bindIdentity(body.data, now()) }, 201);
  });

  api.delete('/identities', async (c) => {
    const body = await readJson(c, org.identityKey);
    if ('error' in body) return c.json({ error: body.error }, 400);
    return (await org.unbindIdentity(body.data, now()))
      ? c.body(null, 204)
      : c.json({ error: 'no such identity' }, 404);
  });

  api.post('/import/employees', async (c) => {
    const csv = await c.req.text();
    const report = await org.importEmployeesCsv(csv, now());
    return report.ok ? c.json(report) : c.json({ error: 'nothing imported', rows: report.errors }, 400);
  });

  api.route('/reports', attendanceReportRoutes(now));

  api.route('/', approvalRoutes(now));
  api.route('/', stockAdminRoutes(now));
  api.route('/', crmRoutes(now));
  api.route('/', digestRoutes(digests, now));
  return api;
}

function view(e: EmployeeDoc) {
  return {
    id: String(e._id),
    name: e.name,
    email: e.email,
    department: e.department,
    managerId: e.managerId ? String(e.managerId) : null,
    roles: e.roles,
    locale: e.locale,
    timezone: e.timezone,
    currency: e.currency ?? null,
    active: e.active,
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
