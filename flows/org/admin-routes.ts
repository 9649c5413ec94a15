import { Hono } from 'hono';
import { z } from 'zod';
import type { EmployeeDoc } from '../../db/models/employee.js';
import type { AdminDeps } from '../../src/bot/flow.js';
import { AppError, describeIssue } from '../../src/errors.js';
import { readJson } from '../../src/http/read-json.js';
import { employeeInput, employeePatch, identityInput, identityKey } from './schemas.js';
import { bindIdentity, createEmployee, listEmployees, unbindIdentity, updateEmployee } from './service.js';

const STATUS: Record<string, 400 | 404 | 409> = {
  'org.not_found': 404,
  'org.duplicate': 409,
  'org.identity_taken': 409,
  'org.cycle': 400,
};

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

  api.get('/employees', async (c) => {
    const query = z
      .object({ department: z.string().optional(), active: z.enum(['true', 'false']).optional() })
      .safeParse(c.req.query());
    if (!query.success) return c.json({ error: describeIssue(query.error) }, 400);
    const { department, active } = query.data;
    const list = await listEmployees({
      department,
      active: active === undefined ? undefined : active === 'true',
    });
    return c.json({ employees: list.map(view) });
  });

  api.post('/employees', async (c) => {
    const body = await readJson(c, employeeInput);
    if ('error' in body) return c.json({ error: body.error }, 400);
    return c.json({ employee: view(await createEmployee(body.data, now())) }, 201);
  });

  api.patch('/employees/:email', async (c) => {
    const body = await readJson(c, employeePatch);
    if ('error' in body) return c.json({ error: body.error }, 400);
    return c.json({ employee: view(await updateEmployee(c.req.param('email'), body.data, now())) });
  });

  api.post('/employees/:email/deactivate', async (c) => {
    return c.json({
      employee: view(await updateEmployee(c.req.param('email'), { active: false }, now())),
    });
  });

  api.post('/identities', async (c) => {
    const body = await readJson(c, identityInput);
    if ('error' in body) return c.json({ error: body.error }, 400);
    return c.json({ identity: await bindIdentity(body.data, now()) }, 201);
  });

  api.delete('/identities', async (c) => {
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
