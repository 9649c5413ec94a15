import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { testSeconds } from '../helpers/clock.js';
import { SIGNING_SECRET, slackEnv, useSlackStub } from '../helpers/slack.js';

// Generated text, JSON, CSV and query strings at every HTTP route of the app: never a 5xx,
// an answer within a time budget, and nothing written when the answer is a refusal.

const slack = useSlackStub();
const app = useTestApp(slackEnv(slack));
const BUDGET_MS = 5000;
const SEED = 20261202;

const ROUTES: [method: string, path: string][] = [
  ['GET', '/api/employees'],
  ['POST', '/api/employees'],
  ['PATCH', '/api/employees/li.wei@demo.example'],
  ['POST', '/api/employees/nobody@demo.example/deactivate'],
  ['POST', '/api/identities'],
  ['DELETE', '/api/identities'],
  ['POST', '/api/import/employees'],
  ['POST', '/api/import/products'],
  ['POST', '/api/import/customers'],
  ['GET', '/api/imports/customers-20261202T000000-00000000'],
  ['GET', '/api/reports/attendance'],
  ['GET', '/api/reports/attendance/summary'],
  ['GET', '/api/crm/analytics'],
  ['GET', '/api/export/followups'],
  ['POST', '/api/attendance/recount'],
  ['POST', '/api/digests/send'],
  ['POST', '/web/api/messages'],
  ['POST', '/web/api/actions'],
  ['GET', '/web/api/history'],
  ['GET', '/web/api/inbox'],
  ['GET', '/web/api/people'],
  ['POST', '/slack/events'],
];

const csvCell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('=1+1', '"', 'a@b', '-1', '1e9', '2026-13-01'),
);
const csv = fc
  .tuple(
    fc.constantFrom('name,email,department', 'sku,name,price', 'name,city,owner_email', 'x'),
    fc.array(
      fc.array(csvCell, { maxLength: 4 }).map((r) => r.join(',')),
      { maxLength: 6 },
    ),
  )
  .map(([header, rows]) => [header, ...rows].join('\n'));
const body = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json().map((j) => j),
  fc.object().map((o) => JSON.stringify(o)),
  csv,
);
const query = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'month',
        'from',
        'to',
        'by',
        'employee',
        'department',
        'active',
        'after',
        'notify',
        'x',
      ),
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('2026-12', '9999-12', 'city', 'li.wei@demo.example'),
      ),
    ),
    { maxLength: 3 },
  )
  .map((pairs) =>
    pairs.length ? `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : '',
  );
const token = fc.constantFrom('none', 'admin', 'wrong');

/**
 * The records a refused request must leave as they were (an import job's own record is kept even
 * when the file is refused: it is how the refusal is read back).
 */
const WATCHED = ['employees', 'identities', 'customers', 'products', 'followups', 'remindersettings'];
async function counts(): Promise<string> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  const parts = [];
  for (const name of WATCHED) parts.push(`${name}:${await db.collection(name).countDocuments({})}`);
  return parts.join(' ');
}

function slackHeaders(raw: string, signed: 'good' | 'bad' | 'stale'): Record<string, string> {
  const timestamp = String(testSeconds() - (signed === 'stale' ? 3600 : 0));
  const secret = signed === 'bad' ? 'not-the-secret' : SIGNING_SECRET;
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${raw}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature };
}

describe('generated requests at every route', () => {
  it('never get a 5xx, answer in time, and write nothing when refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        body,
        query,
        token,
        fc.constantFrom('good' as const, 'bad' as const, 'stale' as const),
        fc.constantFrom('application/json', 'text/csv', 'application/x-www-form-urlencoded'),
        async ([method, path], raw, q, who, signed, contentType) => {
          const before = await counts();
          const headers: Record<string, string> = { 'content-type': contentType };
          if (who !== 'none') headers.authorization = `Bearer ${who === 'admin' ? ADMIN_TOKEN : 'wrong'}`;
          if (path.startsWith('/slack')) Object.assign(headers, slackHeaders(raw, signed));
          const started = performance.now();
          const res = await fetch(app.current.url + path + q, {
            method,
            headers,
            body: method === 'GET' ? undefined : raw,
          });
          await res.arrayBuffer();
          const ms = performance.now() - started;
          expect(res.status, `${method} ${path}${q} → ${res.status}`).toBeLessThan(500);
          expect(ms).toBeLessThan(BUDGET_MS);
          if (res.status >= 400) expect(await counts()).toBe(before);
          if (path.startsWith('/slack') && signed !== 'good') expect(res.status).toBe(401);
          if (path.startsWith('/api') && who !== 'admin') expect(res.status).toBe(401);
        },
      ),
      { numRuns: 250, seed: SEED },
    );
  }, 180_000);
});
