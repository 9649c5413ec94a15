import { existsSync } from 'node:fs';
import { compileErrors, validate } from '@readme/openapi-parser';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { flows } from '../../flows/index.js';
import { operationsOf } from '../../src/admin/openapi.js';
import { flowAdminRoutes } from '../../src/admin/routes.js';
import { useTestApp } from '../helpers/app.js';
import { testNow } from '../helpers/clock.js';

const CHROMIUM = '/usr/bin/chromium';
const app = useTestApp();

const document = async () => {
  const res = await fetch(`${app.current.url}/api/openapi.json`);
  return { status: res.status, json: await res.json() };
};

describe('the admin API described', () => {
  it('every admin route of every flow carries its description', () => {
    const routes = flowAdminRoutes(flows, { now: testNow, reminders: {} as never });
    const ops = operationsOf(routes);
    expect(ops.length).toBeGreaterThanOrEqual(18);
    const missing = ops.filter((op) => !op.doc).map((op) => `${op.method.toUpperCase()} ${op.path}`);
    // a new admin route needs `documented({...})` first among its handlers (src/http/route-doc.ts)
    expect(missing).toEqual([]);
  });

  it('serves a valid OpenAPI 3.1 document without the token, one operation per route', async () => {
    const { status, json } = await document();
    expect(status).toBe(200);
    const result = await validate(structuredClone(json));
    expect(result.valid ? [] : compileErrors(result)).toEqual([]);
    const operations = Object.values(json.paths as Record<string, object>).flatMap((p) => Object.keys(p));
    const routes = operationsOf(flowAdminRoutes(flows, { now: testNow, reminders: {} as never }));
    // the flows' routes, and the app's own where mounted (the web chat's invites)
    expect(operations.length).toBeGreaterThanOrEqual(routes.length);
    expect(json.paths['/api/employees/{email}'].patch.parameters).toContainEqual(
      expect.objectContaining({ name: 'email', in: 'path', required: true }),
    );
  });

  it('takes parameters and bodies from the schemas the routes validate with', async () => {
    const { json } = await document();
    const exportParams = json.paths['/api/reports/attendance'].get.parameters;
    expect(exportParams).toContainEqual(
      expect.objectContaining({
        name: 'month',
        in: 'query',
        required: true,
        schema: expect.objectContaining({ pattern: expect.any(String) }),
      }),
    );
    expect(exportParams).toContainEqual(
      expect.objectContaining({
        name: 'format',
        required: false,
        schema: expect.objectContaining({ enum: ['csv', 'xlsx'] }),
      }),
    );
    const created = json.paths['/api/employees'].post.requestBody.content['application/json'].schema;
    expect(created.required).toEqual(expect.arrayContaining(['name', 'email']));
    expect(created.properties.locale.enum).toEqual(['zh-CN', 'en']);
    expect(json.paths['/api/import/{kind}'].post.requestBody.content).toHaveProperty('text/csv');
  });

  it('the browsable reference renders in Chromium from local files, its operations listed', async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage();
      const offsite: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(app.current.url)) offsite.push(r.url());
      });
      await page.goto(`${app.current.url}/api/docs`);
      await page.getByText(/Import a CSV as a background job/).waitFor({ timeout: 15_000 });
      expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(18);
      expect(offsite).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('still guards the routes themselves', async () => {
    expect((await app.current.get('/api/employees')).status).toBe(401);
    expect((await fetch(`${app.current.url}/api/docs/secrets.txt`)).status).toBe(404);
  });
});
