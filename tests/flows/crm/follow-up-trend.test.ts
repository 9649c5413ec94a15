import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { Employee } from '../../../db/models/employee.js';
import { FollowUp, type FollowUpKind } from '../../../db/models/follow-up.js';
import { trendCard } from '../../../flows/crm/cards.js';
import { followUpTrend } from '../../../flows/crm/follow-up-trend.js';
import { seedDemoCompany } from '../../../flows/org/demo-company.js';
import { findActiveByEmail } from '../../../flows/org/service.js';
import type { Person } from '../../../src/bot/types.js';
import { useTestDb } from '../../helpers/db.js';

useTestDb();

// Wednesday 2 December 2026, 02:00 in Los Angeles (18:00 in Shanghai)
const now = DateTime.fromISO('2026-12-02T10:00:00Z', { zone: 'utc' });
const LA = 'America/Los_Angeles';
const people: Record<string, Person> = {};
const customerId = new mongoose.Types.ObjectId();
const log = (who: string, at: string, kind: FollowUpKind = 'note') =>
  FollowUp.create({ customerId, by: new mongoose.Types.ObjectId(people[who]?.id), at: new Date(at), kind });
const inLA = (who: string): Person => ({ ...(people[who] as Person), timezone: LA });

beforeAll(async () => {
  await seedDemoCompany(now.toJSDate());
  for (const e of await Employee.find({}).lean())
    people[e.email.split('@')[0] ?? ''] = (await findActiveByEmail(e.email)) as Person;
  // Sunday 23:30 in Los Angeles, already Monday 15:30 in Shanghai
  await log('zhang.min', '2026-11-30T07:30:00Z');
  // Monday 00:30 in Los Angeles: the current week there
  await log('zhang.min', '2026-11-30T08:30:00Z');
  await log('alice.chen', '2026-12-01T20:00:00Z');
  // a pool move is not a follow-up; nor is anything before the 12 weeks or after now
  await log('zhang.min', '2026-12-01T20:00:00Z', 'claimed');
  await log('zhang.min', '2026-09-06T12:00:00Z');
  await log('zhang.min', '2026-12-02T10:00:01Z');
  await log('chen.jie', '2026-11-25T12:00:00Z');
});

describe('follow-ups over time', () => {
  it('counts per week in the reader’s zone, across the Sunday/Monday boundary there', async () => {
    const trend = await followUpTrend(inLA('zhang.min'), now);
    expect(trend.weeks).toHaveLength(12);
    expect(trend.weeks[0]?.start).toBe('2026-09-14');
    expect(trend.weeks.at(-1)).toEqual({ start: '2026-11-30', count: 1 });
    expect(trend.weeks.at(-2)).toEqual({ start: '2026-11-23', count: 1 });
    expect(trend.total).toBe(2);
    expect(trend.scope).toBe('own');
    // in Shanghai both fall on Monday 30 November
    const shanghai = await followUpTrend({ ...inLA('zhang.min'), timezone: 'Asia/Shanghai' }, now);
    expect(shanghai.weeks.at(-1)).toEqual({ start: '2026-11-30', count: 2 });
  });

  it('a manager sees their line, an admin everyone, a salesperson their own', async () => {
    const manager = await followUpTrend(inLA('wang.fang'), now);
    expect(manager).toMatchObject({ scope: 'team', total: 3 });
    const admin = await followUpTrend(inLA('li.wei'), now);
    expect(admin).toMatchObject({ scope: 'all', total: 4 });
    expect((await followUpTrend(inLA('alice.chen'), now)).total).toBe(1);
  });

  it('the card: a line per week with its count, and the same weeks as a line chart', async () => {
    const card = trendCard(await followUpTrend(inLA('wang.fang'), now), 'en');
    expect(card.title).toBe('Follow-ups over the last 12 weeks');
    expect(card.subtitle).toBe('You and your team: 3 in all');
    expect(card.body?.split('\n').at(-1)).toMatch(/^week of Nov 30\s+2 █+$/);
    expect(card.chart).toMatchObject({ kind: 'line' });
    const points = card.chart?.kind === 'line' ? card.chart.points : [];
    expect(points.map((p) => p.value).slice(-2)).toEqual([1, 2]);
    const zh = trendCard(await followUpTrend(inLA('zhang.min'), now), 'zh-CN');
    expect(zh.title).toBe('跟进趋势 · 近 12 周');
    expect(zh.subtitle).toBe('你自己，共 2 次');
  });
});
