import { Hono } from 'hono';
import { z } from 'zod';
import type { EmployeeDoc } from '../../db/models/employee.js';
import type { AdminDeps } from '../../src/bot/flow.js';
import { AppError, describeIssue } from '../../src/errors.js';
import { readJson } from '../../src/http/read-json.js';
import { documented, type RouteDoc } from '../../src/http/route-doc.js';
import { employeeInput, employeePatch, identityInput, identityKey } from './schemas.js';
import { bindIdentity, createEmployee, listEmployees, unbindIdentity, updateEmployee } from './service.js';

const STATUS: Record<string, 400 | 404 | 409> = {
  'org.not_found': 404,
  'org.duplicate': 409,
  'org.identity_taken': 409,
  'org.cycle': 400,
};

const listQuery = z.object({
  department: z.string().optional(),
  active: z.enum(['true', 'false']).optional(),
});

const employeeOut = {
  description: 'the employee as stored',
  json: z.object({ employee: z.object({}).loose() }),
};
const refused = { description: 'the input is not valid: `{error}` names what' };
const unknown = { description: 'no employee with that e-mail' };
const docs = {
  list: {
    tag: 'org',
    summary: 'List employees',
    query: listQuery,
    responses: { 200: { description: '`{employees: [...]}`' }, 400: refused },
  },
  create: {
    tag: 'org',
    summary: 'Create an employee',
    body: { json: employeeInput },
    responses: { 201: employeeOut, 400: refused, 409: { description: 'the e-mail is taken' } },
  },
  change: {
    tag: 'org',
    summary: 'Change an employee (by e-mail)',
    body: { json: employeePatch },
    responses: { 200: employeeOut, 400: refused, 404: unknown },
  },
  deactivate: {
    tag: 'org',
    summary: 'Deactivate an employee (they keep their history)',
    responses: { 200: employeeOut, 404: unknown },
  },
  bind: {
    tag: 'org',
    summary: 'Bind a Slack or Lark account to an employee',
    body: { json: identityInput },
    responses: {
      201: { description: '`{identity}`' },
      400: refused,
      409: { description: 'bound to someone else' },
    },
  },
  unbind: {
    tag: 'org',
    summary: 'Unbind a Slack or Lark account',
    body: { json: identityKey },
    responses: { 204: { description: 'unbound' }, 400: refused, 404: { description: 'no such identity' } },
  },
} satisfies Record<string, RouteDoc>;

/** The organisation's admin REST: employees (list, create, change, deactivate, CSV import) and platform identities. */
export function orgAdminRoutes({ now }: AdminDeps): Hono {
  const api = new Hono();

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

  api.get('/employees', documented(docs.list), async (c) => {
    const query = listQuery.safeParse(c.req.query());
    if (!query.success) return c.json({ error: describeIssue(query.error) }, 400);
    const { department, active } = query.data;
    const list = await listEmployees({
      department,
      active: active === undefined ? undefined : active === 'true',
    });
    return c.json({ employees: list.map(view) });
  });

  api.post('/employees', documented(docs.create), async (c) => {
    const body = await readJson(c, employeeInput);
    if ('error' in body) return c.json({ error: body.error }, 400);
    return c.json({ employee: view(await createEmployee(body.data, now())) }, 201);
  });

  api.patch('/employees/:email', documented(docs.change), async (c) => {
    const body = await readJson(c, employeePatch);
    if ('error' in body) return c.json({ error: body.error }, 400);
    return c.json({ employee: view(await updateEmployee(c.req.param('email'), body.data, now())) });
  });

  api.post('/employees/:email/deactivate', documented(docs.deactivate), async (c) => {
    return c.json({
      employee: view(await updateEmployee(c.req.param('email'), { active: false }, now())),
    });
  });

  api.post('/identities', documented(docs.bind), async (c) => {
    const body = await readJson(c, identityInput);
    if ('error' in body) return c.json({ error: body.error }, 400);
    return c.json({ identity: await bindIdentity(body.data, now()) }, 201);
  });

  api.delete('/identities', documented(docs.unbind), async (c) => {
    const body = await readJson(c, identityKey);
    if ('error' in body) return c.json({ error: body.error }, 400);
    return (await unbindIdentity(body.data, now()))
      ? c.body(null, 204)
      : c.json({ error: 'no such identity' }, 404);
  });

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
