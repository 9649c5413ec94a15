import fc from 'fast-check';
import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { flows } from '../../flows/index.js';
import { detectLocale } from '../../src/bot/i18n.js';
import { interpret, verdictOf } from '../../src/bot/nlu/interpret.js';
import { createUnderstander, type Understander } from '../../src/bot/nlu/understand.js';
import { loadConfig } from '../../src/config.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { demo } from '../helpers/chat.js';
import { testNow } from '../helpers/clock.js';

// Generated messages thrown at the real app through the web chat API, next to the same parse the
// router makes: no 5xx, always an answer, within a time budget, and nothing written when the
// parse refused, asked, greeted, did not understand or asked for a confirmation.

const app = useTestApp();
const commands = flows.flatMap((f) => f.commands);
let understander: Understander;
beforeAll(async () => {
  understander = await createUnderstander(flows, loadConfig().storeCacheDir);
});

/**
 * The records people's words create or change (derived documents — lists, pointers, rollups,
 * counts — may be repaired on a read, and the turn's own bookkeeping is written on every turn).
 */
const RECORDS = [
  'approvals',
  'attendancedays',
  'leavedates',
  'customers',
  'followups',
  'tickets',
  'stocklevels',
  'stockmovements',
  'salesorders',
  'purchaseorders',
  'employees',
  'identities',
  'products',
  'suppliers',
  'remindersettings',
  'workschedules',
];

async function recordCounts(): Promise<Record<string, number>> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  const counts: Record<string, number> = {};
  for (const name of RECORDS) counts[name] = await db.collection(name).countDocuments({});
  return counts;
}

/** A record changed in place (a check-out, a stage, a decision) moves `version` or `updatedAt`. */
async function recordVersions(): Promise<string> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  const parts: string[] = [];
  for (const name of RECORDS) {
    const docs = await db
      .collection(name)
      .find({}, { projection: { version: 1, updatedAt: 1 } })
      .toArray();
    parts.push(
      `${name}:${docs
        .map((d) => `${String(d._id)}@${d.version ?? ''}/${d.updatedAt?.valueOf() ?? ''}`)
        .sort()
        .join(',')}`,
    );
  }
  return parts.join('|');
}

const keywords = [
  ...new Set(commands.flatMap((c) => [...(c.keywords['zh-CN'] ?? []), ...(c.keywords.en ?? [])])),
];
const fragments = [
  '明天',
  '下周三到周五',
  '昨晚十点',
  '2026-13-40',
  '9999-12',
  '320',
  '1e3',
  '1500.5.5',
  '-7',
  '99999999999999999999',
  '¥1,200',
  '三百二十元',
  'SKU-1001',
  'SKU-1001x10',
  'AP-1001',
  'SO-1001',
  '华为',
  'Contoso',
  '事假',
  'sick',
  '\u202e',
  '\u0000',
  '"',
  '{"$gt":""}',
  '<script>',
  '请',
  'please',
  '不要',
];
const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...keywords), weight: 3 },
  { arbitrary: fc.constantFrom(...fragments), weight: 3 },
  { arbitrary: fc.string({ maxLength: 12, unit: 'grapheme' }), weight: 2 },
  { arbitrary: fc.integer().map(String), weight: 1 },
);
const message = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(' '));

/** A turn is answered well inside a platform's 3 s, even on this shared machine. */
const TURN_BUDGET_MS = 2_500;

describe('generated messages through the web chat', () => {
  it('are each answered without a server error, in time, and refusals write nothing', async () => {
    const person = { email: demo('li.wei'), tz: 'Asia/Shanghai' };
    await fc.assert(
      fc.asyncProperty(message, async (text) => {
        const locale = detectLocale(text, 'zh-CN');
        const ctx = {
          locale,
          now: DateTime.fromJSDate(testNow(), { zone: person.tz }),
          tz: person.tz,
          currency: 'CNY',
        };
        const verdict = verdictOf(await interpret(text, commands, understander, ctx), locale);
        // each message stands alone: an open question would take any next message as its answer
        await mongoose.connection.db?.collection('pendingactions').deleteMany({});
        const before = await recordCounts();
        const versions = await recordVersions();
        const started = performance.now();
        const res = await app.current.post('/web/api/messages', { employee: person.email, text });
        const took = performance.now() - started;
        expect(res.status, text).toBeLessThan(500);
        expect(took, text).toBeLessThan(TURN_BUDGET_MS);
        if (res.status === 200) expect(res.json.replies.length, text).toBeGreaterThan(0);
        const writes = 'args' in verdict && !verdict.confirm;
        if (!writes) {
          expect(await recordCounts(), text).toEqual(before);
          expect(await recordVersions(), text).toBe(versions);
        }
      }),
      { numRuns: 60, seed: 20261202 },
    );
  }, 240_000);

  it('answer malformed bodies and clicks with a 4xx, never a 5xx', async () => {
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({ employee: fc.oneof(fc.string(), fc.constant(demo('li.wei'))), text: fc.jsonValue() }),
      fc.record({
        employee: fc.constant(demo('li.wei')),
        actionId: fc.oneof(fc.string(), fc.constantFrom('approvals.approve', 'confirm.submit', 'usage.show')),
        value: fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('/web/api/messages', '/web/api/actions'), async (b, path) => {
        const res = await app.current.post(path, b);
        expect(res.status, JSON.stringify(b)).toBeLessThan(500);
      }),
      { numRuns: 80, seed: 20261202 },
    );
  }, 240_000);

  it('answer generated admin query strings with a 4xx or their data, never a 5xx', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('9999-12', '0000-00', '2026-02-30', '1e9', '-1', '2026-99-99', '', '[$gt]='),
    );
    const route = fc.constantFrom(
      (v: string) => `/api/reports/attendance?month=${encodeURIComponent(v)}`,
      (v: string) => `/api/reports/attendance/summary?month=${encodeURIComponent(v)}`,
      (v: string) => `/api/export/followups?from=${encodeURIComponent(v)}&to=2026-12-01`,
      (v: string) => `/api/crm/analytics?by=${encodeURIComponent(v)}`,
      (v: string) => `/api/employees?department=${encodeURIComponent(v)}`,
    );
    await fc.assert(
      fc.asyncProperty(route, value, async (to, v) => {
        const res = await fetch(app.current.url + to(v), {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        });
        await res.arrayBuffer();
        expect(res.status, to(v)).toBeLessThan(500);
      }),
      { numRuns: 60, seed: 20261202 },
    );
  }, 240_000);
});
