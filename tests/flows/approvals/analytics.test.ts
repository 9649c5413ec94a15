import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { Employee } from '../../../db/models/employee.js';
import { changeRequest, submitRequest } from '../../../flows/approvals/service.js';
import * as workflow from '../../../flows/approvals/workflow.js';
import { flows } from '../../../flows/index.js';
import { seedDemoCompany } from '../../../flows/org/demo-company.js';
import { findActiveByEmail } from '../../../flows/org/service.js';
import { adminRoutes } from '../../../src/admin/routes.js';
import type { Person } from '../../../src/bot/types.js';
import { ADMIN_TOKEN } from '../../helpers/app.js';
import { useTestDb } from '../../helpers/db.js';
import { recordingReminders } from '../../helpers/reminders.js';

useTestDb();

const NOW = new Date('2026-12-02T02:00:00Z');
const HOUR = 3_600_000;
const people: Record<string, Person> = {};
const no: Record<string, string> = {};
const api = () => adminRoutes(ADMIN_TOKEN, flows, { now: () => NOW, reminders: recordingReminders() });
const get = (query: string) =>
  api().request(`/approvals/analytics${query}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });

async function file(at: string) {
  const doc = await submitRequest({
    requester: people['zhang.min'] as Person,
    type: 'general',
    data: { title: 't', text: 'x' },
    today: at.slice(0, 10),
    now: new Date(at),
  });
  return doc.no;
}
const approve = async (request: string, at: Date) => {
  const me = new mongoose.Types.ObjectId(people['wang.fang']?.id);
  await changeRequest(request, (d) => workflow.decide(d, me, 'approved', '', at), at);
};

beforeAll(async () => {
  await seedDemoCompany(new Date('2026-11-01T00:00:00Z'));
  for (const e of await Employee.find({}).lean())
    people[e.email.split('@')[0] ?? ''] = (await findActiveByEmail(e.email)) as Person;
  // two finished in November (4 h and 10 h), one finished on 1 December, two still pending
  no.fast = await file('2026-11-30T02:00:00Z');
  await approve(no.fast, new Date(Date.parse('2026-11-30T02:00:00Z') + 4 * HOUR));
  no.slow = await file('2026-11-30T02:00:00Z');
  await approve(no.slow, new Date(Date.parse('2026-11-30T02:00:00Z') + 10 * HOUR));
  no.december = await file('2026-11-30T20:00:00Z');
  await approve(no.december, new Date('2026-12-01T05:00:00Z'));
  no.oldest = await file('2026-11-20T02:00:00Z');
  no.newer = await file('2026-11-25T02:00:00Z');
});

describe('GET /api/approvals/analytics', () => {
  it('gives cycle times by type and approver, the slowest steps and the longest waiting', async () => {
    const res = await get('?from=2026-11-01&to=2026-11-30');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      unit: 'hours',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(body.cycleTime.byType).toEqual([{ key: 'general', count: 2, medianHours: 7, p90Hours: 9.4 }]);
    expect(body.cycleTime.byApprover).toEqual([
      {
        key: people['wang.fang']?.id,
        name: people['wang.fang']?.name,
        count: 2,
        medianHours: 7,
        p90Hours: 9.4,
      },
    ]);
    expect(body.slowestSteps).toEqual([{ key: 'general/manager', count: 2, medianHours: 7, p90Hours: 9.4 }]);
    expect(body.waitingLongest.map((w: { no: string }) => w.no)).toEqual([no.oldest, no.newer]);
    expect(body.waitingLongest[0]).toMatchObject({
      openHours: 288,
      step: 'manager',
      waitingFor: [people['wang.fang']?.name],
    });
  });

  it('counts what finished inside the range only', async () => {
    const body = await (await get('?from=2026-12-01&to=2026-12-01')).json();
    expect(body.cycleTime.byType).toEqual([{ key: 'general', count: 1, medianHours: 9, p90Hours: 9 }]);
  });

  it('exports the same as CSV', async () => {
    const res = await get('?from=2026-11-01&to=2026-11-30&format=csv');
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    // hono's app.request hands back the stream as written (text chunks); a server encodes them
    let text = '';
    for await (const chunk of res.body as unknown as AsyncIterable<string | Uint8Array>)
      text += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
    expect(text).toContain('section,key,name,count,median_hours,p90_hours,open_hours');
    expect(text).toContain('type,general,,2,7.0,9.4,');
    expect(text).toContain(`waiting,${no.oldest},`);
  });

  it('answers bad input with 400 and what is wrong', async () => {
    const bad = async (query: string) => {
      const res = await get(query);
      return { status: res.status, error: ((await res.json()) as { error: string }).error };
    };
    expect(await bad('?from=2026-02-30')).toEqual({
      status: 400,
      error: expect.stringMatching(/^from: no such day/),
    });
    expect(await bad('?from=2026-11-30&to=2026-11-01')).toEqual({ status: 400, error: 'to is before from' });
    expect(await bad('?from=2025-01-01&to=2026-11-01')).toEqual({
      status: 400,
      error: 'at most 366 days per report',
    });
    expect(await bad('?format=pdf')).toEqual({ status: 400, error: 'format must be json, csv or xlsx' });
  });
});
