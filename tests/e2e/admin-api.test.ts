import { describe, expect, it } from 'vitest';
import { Employee } from '../../db/models/employee.js';
import { Identity } from '../../db/models/identity.js';
import { flows } from '../../flows/index.js';
import { adminRoutes } from '../../src/admin/routes.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { testNow } from '../helpers/clock.js';
import { recordingReminders } from '../helpers/reminders.js';

const app = useTestApp();
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = auth) => {
  const res = await fetch(`${app.current.url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
};

describe('admin API', () => {
  it('is off rather than open when no token is configured', async () => {
    const res = await adminRoutes(undefined, flows, {
      now: testNow,
      reminders: recordingReminders(),
    }).request('/employees', {
      headers: { authorization: 'Bearer x' },
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'admin API is off: set ADMIN_TOKEN' });
  });

  it('requires the bearer token', async () => {
    expect((await call('GET', '/employees', undefined, {})).status).toBe(401);
    expect((await call('GET', '/employees', undefined, { authorization: 'Bearer wrong' })).status).toBe(401);
    const ok = await call('GET', '/employees');
    expect(ok.status).toBe(200);
    expect(ok.json.employees).toHaveLength(10);
  });

  it('filters employees by department', async () => {
    const { json } = await call('GET', '/employees?department=Warehouse');
    expect(json.employees.map((e: { email: string }) => e.email)).toEqual([
      'wu.jun@demo.example',
      'zhou.qiang@demo.example',
    ]);
    expect((await call('GET', '/employees?active=maybe')).status).toBe(400);
  });

  it('creates, updates and deactivates an employee', async () => {
    const created = await call('POST', '/employees', {
      name: 'Dana',
      email: 'Dana@demo.example',
      department: 'Sales',
      managerEmail: 'wang.fang@demo.example',
      roles: ['sales'],
      locale: 'en',
    });
    expect(created.status).toBe(201);
    expect(created.json.employee).toMatchObject({
      email: 'dana@demo.example',
      roles: ['employee', 'sales'],
      active: true,
    });

    const dup = await call('POST', '/employees', { name: 'Dana 2', email: 'dana@demo.example' });
    expect(dup).toEqual({
      status: 409,
      json: { error: 'An employee with e-mail dana@demo.example already exists.' },
    });

    const patched = await call('PATCH', '/employees/dana@demo.example', { timezone: 'Europe/Paris' });
    expect(patched.json.employee.timezone).toBe('Europe/Paris');
    const badZone = await call('PATCH', '/employees/dana@demo.example', { timezone: 'Paris' });
    expect(badZone).toEqual({
      status: 400,
      json: { error: 'timezone: is not an IANA timezone (e.g. Asia/Shanghai)' },
    });

    const off = await call('POST', '/employees/dana@demo.example/deactivate');
    expect(off.json.employee.active).toBe(false);
    const chat = await app.current.post('/web/api/messages', { employee: 'dana@demo.example', text: 'help' });
    expect(chat.status).toBe(404);
    expect((await call('PATCH', '/employees/ghost@demo.example', { name: 'x' })).status).toBe(404);
  });

  it('refuses a reporting loop', async () => {
    const res = await call('PATCH', '/employees/li.wei@demo.example', {
      managerEmail: 'wu.jun@demo.example',
    });
    expect(res).toEqual({ status: 400, json: { error: 'That manager change would make a reporting loop.' } });
  });

  it('binds and unbinds platform identities', async () => {
    const key = { platform: 'lark', teamId: 'tenant-1', userId: 'ou_123' };
    const bound = await call('POST', '/identities', { ...key, email: 'zhang.min@demo.example' });
    expect(bound).toEqual({ status: 201, json: { identity: { ...key, email: 'zhang.min@demo.example' } } });
    const taken = await call('POST', '/identities', { ...key, email: 'alice.chen@demo.example' });
    expect(taken.status).toBe(409);
    expect(
      (await call('POST', '/identities', { ...key, platform: 'teams', email: 'x@demo.example' })).status,
    ).toBe(400);
    expect((await call('DELETE', '/identities', key)).status).toBe(204);
    expect((await call('DELETE', '/identities', key)).status).toBe(404);
    expect(await Identity.countDocuments({})).toBe(0);
  });

  it('imports a CSV all-or-nothing, with a per-row report', async () => {
    const header = 'name,email,department,manager_email,roles,locale,timezone';
    const bad = `${header}\nEve,eve@demo.example,HR,sun.li@demo.example,hr,,\nFrank,frank@,HR,,,,`;
    const before = await Employee.countDocuments({});
    const rejected = await call('POST', '/import/employees', bad, { ...auth, 'content-type': 'text/csv' });
    expect(rejected).toEqual({
      status: 400,
      json: { error: 'nothing imported', rows: [{ line: 3, message: 'email is not a valid e-mail' }] },
    });
    expect(await Employee.countDocuments({})).toBe(before);

    const good = `${header}\nEve,eve@demo.example,HR,sun.li@demo.example,hr,,\nFrank,frank@demo.example,HR,eve@demo.example,,en,`;
    const imported = await call('POST', '/import/employees', good, { ...auth, 'content-type': 'text/csv' });
    expect(imported).toEqual({ status: 200, json: { ok: true, created: 2, updated: 0 } });
    expect(await Employee.countDocuments({})).toBe(before + 2);
  });

  it('rejects malformed JSON with 400', async () => {
    expect(await call('POST', '/employees', '{oops')).toEqual({
      status: 400,
      json: { error: 'body must be JSON' },
    });
    expect((await call('POST', '/employees', { email: 'x@demo.example' })).json.error).toBe(
      'name: is required',
    );
  });
});
