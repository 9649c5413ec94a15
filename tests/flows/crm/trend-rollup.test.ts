import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { insertNew } from '../../../db/insert-new.js';
import { CONTACT_KINDS, FOLLOW_UP_KINDS, FollowUp, type FollowUpKind } from '../../../db/models/follow-up.js';
import { FollowUpWeek } from '../../../db/models/follow-up-week.js';
import { trendCard } from '../../../flows/crm/cards.js';
import { followUpTrend } from '../../../flows/crm/follow-up-trend.js';
import { recountFollowUpWeeks, trendMigration } from '../../../flows/crm/trend-migration.js';
import type { Person } from '../../../src/bot/types.js';
import { useTestDb } from '../../helpers/db.js';

useTestDb();

// Wednesday 2 December 2026, 10:07 UTC: not on a quarter hour, so the bucket holding it is partial
const now = DateTime.fromISO('2026-12-02T10:07:00Z', { zone: 'utc' });
const ZONES = ['America/Los_Angeles', 'Asia/Shanghai', 'Asia/Kolkata'];
const authors = [0, 1, 2].map(() => new mongoose.Types.ObjectId());
const customerId = new mongoose.Types.ObjectId();
type Entry = {
  _id: mongoose.Types.ObjectId;
  by: mongoose.Types.ObjectId | null;
  at: Date;
  kind: FollowUpKind;
};
const written: Entry[] = [];

const person = (id: string, timezone: string, roles = ['sales']) =>
  ({ id, name: id, email: `${id}@example.com`, locale: 'en', timezone, roles }) as Person;

/** A fixed pseudo-random sequence, so the seeded set is the same on every run. */
function sequence(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s % n;
  };
}

/** The follow-ups: random ones over 15 weeks, and some on each zone's week boundaries. */
function seedSet(): Entry[] {
  const pick = sequence(7);
  const at: Date[] = [];
  const from = now.minus({ weeks: 14 }).toMillis();
  for (let i = 0; i < 300; i++) at.push(new Date(from + pick(14 * 7 * 24 * 60) * 60_000 + pick(60_000)));
  for (const zone of [...ZONES, 'utc'])
    for (let w = 0; w < 13; w++) {
      const monday = now.setZone(zone).startOf('week').minus({ weeks: w }).toMillis();
      for (const ms of [-60_000, -1, 0, 1, 60_000]) at.push(new Date(monday + ms));
    }
  // later than now: never counted
  at.push(now.plus({ hours: 1 }).toJSDate(), now.plus({ weeks: 1 }).toJSDate());
  return at.map((a, i) => ({
    _id: new mongoose.Types.ObjectId(),
    by: i % 11 === 0 ? null : (authors[pick(3)] ?? null),
    at: a,
    kind: FOLLOW_UP_KINDS[pick(FOLLOW_UP_KINDS.length)] ?? 'note',
  }));
}

/** What the trend should say, counted straight from the entries. */
function directCount(zone: string, by: string | null) {
  const first = now.setZone(zone).startOf('week').minus({ weeks: 11 });
  const counts = new Map<string, number>();
  for (const e of written)
    if (
      CONTACT_KINDS.includes(e.kind) &&
      (by === null || String(e.by) === by) &&
      e.at >= first.toJSDate() &&
      e.at <= now.toJSDate()
    ) {
      const week = DateTime.fromJSDate(e.at, { zone }).startOf('week').toISODate() ?? '';
      counts.set(week, (counts.get(week) ?? 0) + 1);
    }
  return Array.from({ length: 12 }, (_, i) => {
    const start = first.plus({ weeks: i }).toISODate() ?? '';
    return { start, count: counts.get(start) ?? 0 };
  });
}

const weekDocs = async () => FollowUpWeek.find({}).sort({ _id: 1 }).lean();

describe('the follow-up trend’s weekly rollup', () => {
  it('matches a direct count in Los Angeles, Shanghai and Kolkata, across week boundaries', async () => {
    const entries = seedSet();
    const half = entries.length / 2;
    for (const e of entries.slice(0, half)) await FollowUp.create({ customerId, ...e });
    await FollowUp.insertMany(entries.slice(half).map((e) => ({ customerId, ...e })));
    written.push(...entries);
    for (const zone of ZONES) {
      const admin = await followUpTrend(person('admin', zone, ['admin']), now);
      expect(admin.weeks).toEqual(directCount(zone, null));
      expect(admin.total).toBeGreaterThan(100);
      for (const id of authors.map(String))
        expect((await followUpTrend(person(id, zone), now)).weeks).toEqual(directCount(zone, id));
    }
    // one point read per (person, UTC week): at most 13 documents per author, whatever the history
    expect((await weekDocs()).filter((d) => d._id.startsWith(`${authors[0]}:`)).length).toBeLessThanOrEqual(
      16,
    );
  });

  it('the backfill counts follow-ups written before the rollup, the same as live counting', async () => {
    const live = await weekDocs();
    // as an older version wrote them: straight into the collection, no rollup
    const old = seedSet().map((e) => ({ ...e, customerId, at: new Date(e.at.getTime() - 3 * 86_400_000) }));
    await mongoose.connection.collection('followups').insertMany(old);
    written.push(...old);
    const zone = 'Asia/Kolkata';
    expect((await followUpTrend(person('admin', zone, ['admin']), now)).weeks).not.toEqual(
      directCount(zone, null),
    );

    await FollowUpWeek.deleteMany({});
    for (let cursor: string | null = '0/3'; cursor; )
      cursor = (await trendMigration.step(cursor, now.toJSDate())).cursor;
    for (const z of ZONES)
      expect((await followUpTrend(person('admin', z, ['admin']), now)).weeks).toEqual(directCount(z, null));
    const backfilled = await weekDocs();
    expect(backfilled.length).toBeGreaterThan(live.length);

    // idempotent, and equal to counting the whole log live
    expect((await trendMigration.step(null, now.toJSDate())).cursor).toBeNull();
    expect(await weekDocs()).toEqual(backfilled);
    await FollowUpWeek.deleteMany({});
    await FollowUp.deleteMany({});
    await FollowUp.insertMany(written.map((e) => ({ customerId, ...e })));
    expect(await weekDocs()).toEqual(backfilled);
  });

  it('a retried follow-up counts once', async () => {
    const me = new mongoose.Types.ObjectId();
    const at = (h: number) => now.minus({ hours: h }).toJSDate();
    const entry = (h: number) => ({
      _id: new mongoose.Types.ObjectId(),
      customerId,
      by: me,
      at: at(h),
      kind: 'note' as const,
    });
    const [a, b, c] = [entry(1), entry(2), entry(3)];
    await FollowUp.create(a);
    await expect(FollowUp.create(a)).rejects.toThrow(/duplicate key/);
    // an import resumed after a crash writes its batch again, with one more
    expect(await insertNew(FollowUp, [b])).toHaveLength(1);
    expect(await insertNew(FollowUp, [a, b, c])).toHaveLength(1);
    const trend = await followUpTrend(person(String(me), 'Asia/Kolkata'), now);
    expect(trend.total).toBe(3);
    expect(await FollowUp.countDocuments({ by: me })).toBe(3);
  });

  it('a count that fails leaves the follow-up written: the trend says it may be short until the recount', async () => {
    const me = new mongoose.Types.ObjectId();
    const at = now.minus({ hours: 2 }).toJSDate();
    const week = DateTime.fromJSDate(at, { zone: 'utc' }).toFormat("kkkk-'W'WW");
    // a hand-edited rollup document the count cannot add to
    await mongoose.connection
      .collection('followupweeks')
      .insertOne({ _id: `${me}:${week}` as never, n: 'x' });
    const mine = () => followUpTrend(person(String(me), 'Asia/Shanghai'), now);
    const everyone = () => followUpTrend(person('admin', 'Asia/Shanghai', ['admin']), now);
    const before = await everyone();

    await FollowUp.create({ customerId, by: me, at, kind: 'note' });
    expect(await FollowUp.countDocuments({ by: me })).toBe(1);
    const short = await mine();
    expect(short).toMatchObject({ total: 0, missed: true });
    expect(trendCard(short, 'en').body).toContain('may count short');
    expect(trendCard(short, 'zh-CN').body).toContain('可能偏少');
    // the company's trend holds the missed count too; another person's, and older weeks, do not
    expect((await everyone()).missed).toBe(true);
    expect((await followUpTrend(person(String(authors[0]), 'Asia/Shanghai'), now)).missed).toBe(false);
    const earlier = await followUpTrend(person(String(me), 'Asia/Shanghai'), now.minus({ weeks: 20 }));
    expect(earlier.missed).toBe(false);

    // the author's rollup and the company's: both marked, both made good
    expect(await recountFollowUpWeeks(now.toJSDate())).toMatchObject({ missed: 2 });
    expect((await everyone()).missed).toBe(false);
    expect(await mine()).toMatchObject({ total: 1, missed: false });
    expect(trendCard(await mine(), 'en').body).not.toContain('may count short');
    // the company's weeks, recounted from the whole log, hold the follow-up as well
    expect((await everyone()).total).toBe(before.total + 1);
  });
});
