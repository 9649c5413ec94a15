import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { testSeconds } from '../helpers/clock.js';
import { larkSignature, useLarkStub } from '../helpers/lark.js';
import { SIGNING_SECRET, slackEnv, useSlackStub } from '../helpers/slack.js';

// Generated text, JSON, CSV and query strings at every HTTP route of the app: never a 5xx,
// an answer within a time budget, and nothing written when the answer is a refusal.

const slack = useSlackStub();
const LARK_KEY = 'encrypt-key-for-fuzz';
const env = Object.assign(slackEnv(slack), {
  LARK_APP_ID: 'cli_a1b2c3d4e5f60718',
  LARK_APP_SECRET: 'app-secret-fuzz',
  LARK_VERIFICATION_TOKEN: 'verification-token-fuzz',
  LARK_ENCRYPT_KEY: LARK_KEY,
});
useLarkStub(env);
const app = useTestApp(env);
const BUDGET_MS = 5000;
const SEED = 20261202;

/** The routes outside the admin API; the admin API's come from its own description, all of them. */
const CHAT_ROUTES: [method: string, path: string][] = [
  ['POST', '/web/api/messages'],
  ['POST', '/web/api/actions'],
  ['POST', '/web/api/forms'],
  ['POST', '/web/api/files'],
  ['GET', '/web/api/history'],
  ['GET', '/web/api/inbox'],
  ['GET', '/web/api/people'],
  ['POST', '/slack/events'],
  ['POST', '/lark/events'],
  ['POST', '/lark/cards'],
];
/** A value for each path parameter of the admin API. */
const SAMPLE: Record<string, string> = {
  email: 'li.wei@demo.example',
  kind: 'customers',
  id: 'customers-20261202T000000-00000000',
  type: 'seal',
};

async function allRoutes(): Promise<[string, string][]> {
  const doc = (await (await fetch(`${app.current.url}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const admin = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m): [string, string] => [
      m.toUpperCase(),
      path.replace(/\{(\w+)\}/g, (_, n: string) => SAMPLE[n] ?? 'x'),
    ]),
  );
  return [...admin, ...CHAT_ROUTES];
}

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
const WATCHED = [
  'employees',
  'identities',
  'customers',
  'products',
  'followups',
  'remindersettings',
  'approvalrequests',
];
async function counts(): Promise<string> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  const parts = [];
  for (const name of WATCHED) parts.push(`${name}:${await db.collection(name).countDocuments({})}`);
  return parts.join(' ');
}

function larkHeaders(raw: string, signed: 'good' | 'bad' | 'stale'): Record<string, string> {
  const timestamp = String(testSeconds() - (signed === 'stale' ? 3600 : 0));
  const nonce = 'fuzz-nonce';
  const key = signed === 'bad' ? 'not-the-key' : LARK_KEY;
  return {
    'x-lark-request-timestamp': timestamp,
    'x-lark-request-nonce': nonce,
    'x-lark-signature': larkSignature('sha256', timestamp, nonce, key, raw),
  };
}

function slackHeaders(raw: string, signed: 'good' | 'bad' | 'stale'): Record<string, string> {
  const timestamp = String(testSeconds() - (signed === 'stale' ? 3600 : 0));
  const secret = signed === 'bad' ? 'not-the-secret' : SIGNING_SECRET;
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${raw}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature };
}

describe('generated requests at every route', () => {
  it('never get a 5xx, answer in time, and write nothing when refused', async () => {
    const routes = await allRoutes();
    expect(routes.length).toBeGreaterThan(40);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
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
          if (path.startsWith('/lark')) Object.assign(headers, larkHeaders(raw, signed));
          const started = performance.now();
          const res = await fetch(app.current.url + path + q, {
            method,
            headers,
            body: method === 'GET' ? undefined : raw,
          });
          await res.arrayBuffer();
          const ms = performance.now() - started;
          // the one route that calls out to the platforms answers 502 when they cannot be read (the
          // stand-ins here list no directory); every other 5xx is a fault of ours
          const platformDown = path === '/api/directory/sync' && res.status === 502;
          if (!platformDown) expect(res.status, `${method} ${path}${q} → ${res.status}`).toBeLessThan(500);
          expect(ms).toBeLessThan(BUDGET_MS);
          if (res.status >= 400) expect(await counts()).toBe(before);
          if (path.startsWith('/slack') && signed !== 'good') expect(res.status).toBe(401);
          if (path === '/lark/events' && signed !== 'good') expect(res.status).toBeGreaterThanOrEqual(400);
          if (path.startsWith('/api') && who !== 'admin') expect(res.status).toBe(401);
        },
      ),
      { numRuns: 400, seed: SEED },
    );
  }, 180_000);
});
