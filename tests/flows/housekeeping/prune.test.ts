import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { CacheChange } from '../../../db/models/cache-change.js';
import { Claim } from '../../../db/models/claim.js';
import { Delivery } from '../../../db/models/delivery.js';
import { PendingAction } from '../../../db/models/pending-action.js';
import { ProcessedEvent } from '../../../db/models/processed-event.js';
import { WebSignIn } from '../../../db/models/web-sign-in.js';
import { pruneOldest } from '../../../db/prune.js';
import { digestJobs } from '../../../flows/digests/jobs.js';
import { housekeepingJobs } from '../../../flows/housekeeping/jobs.js';
import type { JobSpec } from '../../../src/bot/flow.js';
import { useTestDb } from '../../helpers/db.js';
import { recordingReminders } from '../../helpers/reminders.js';

useTestDb();

const NOW = new Date('2026-11-30T03:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const run = (jobs: JobSpec[], name: string) => {
  const job = jobs.find((j) => j.name === name);
  if (!job) throw new Error(`no job ${name}`);
  return job.run({
    now: NOW,
    notify: async () => [],
    update: async () => {},
    reminders: recordingReminders(),
  });
};
const ids = async (model: mongoose.Model<never>) =>
  (await model.find({}, { _id: 1 }).lean<{ _id: unknown }[]>()).map((r) => String(r._id)).sort();

describe('housekeeping.prune', () => {
  it('drops handled events, revision and confirmation claims, cache changes past a day and expired confirmations, keeping the rest', async () => {
    await ProcessedEvent.insertMany([
      { _id: 'slack:old', platform: 'slack', eventId: 'old', at: hoursAgo(25), state: 'done' },
      { _id: 'slack:new', platform: 'slack', eventId: 'new', at: hoursAgo(23), state: 'done' },
    ]);
    await Claim.insertMany([
      { _id: 'approval:a1:v3', at: hoursAgo(30) },
      { _id: 'stock:l1:v9', at: hoursAgo(30) },
      { _id: 'approval:a1:v4', at: hoursAgo(2) },
      { _id: 'pending:c1:1764547200000', at: hoursAgo(26) },
      { _id: 'pending:c2:1764633600000', at: hoursAgo(3) },
      // once-only for ever: a sequence number, a line's stock effect, a low-stock alert, a receipt line
      { _id: 'approval#1042', at: hoursAgo(900) },
      { _id: 'order:SO-1001:ship:0', at: hoursAgo(900) },
      { _id: 'lowstock:p1:e2', at: hoursAgo(900) },
      { _id: 'purchase:po1:v2:SKU-1', at: hoursAgo(900) },
    ]);
    await CacheChange.insertMany([
      { _id: 'directory:1', kind: 'employee', key: 'x', at: hoursAgo(48) },
      { _id: 'directory:2', kind: 'employee', key: 'y', at: hoursAgo(1) },
    ]);

    const pending = (id: string, expiresAt: Date) => ({
      _id: id,
      employeeId: 'e1',
      intent: 'x',
      locale: 'en',
      expiresAt,
    });
    await PendingAction.insertMany([pending('c-expired', hoursAgo(1)), pending('c-open', hoursAgo(-20))]);
    const signIn = (id: string, expiresAt: Date) => ({
      _id: id,
      email: 'a@x.example',
      kind: 'link',
      expiresAt,
    });
    await WebSignIn.insertMany([signIn('s-expired', hoursAgo(1)), signIn('s-open', hoursAgo(-1))]);

    expect(await run(housekeepingJobs, 'housekeeping.prune')).toEqual({
      events: 1,
      claims: 3,
      changes: 1,
      pending: 1,
      signIns: 1,
    });
    expect((await ProcessedEvent.find({}).lean()).map((e) => e.eventId)).toEqual(['new']);
    expect(await ids(Claim as never)).toEqual(
      [
        'approval#1042',
        'approval:a1:v4',
        'lowstock:p1:e2',
        'pending:c2:1764633600000',
        'order:SO-1001:ship:0',
        'purchase:po1:v2:SKU-1',
      ].sort(),
    );
    expect(await ids(CacheChange as never)).toEqual(['directory:2']);
    expect(await ids(PendingAction as never)).toEqual(['c-open']);
    expect(await ids(WebSignIn as never)).toEqual(['s-open']);
    // nothing left to do: a second run (or another instance's) deletes nothing
    expect(await run(housekeepingJobs, 'housekeeping.prune')).toEqual({
      events: 0,
      claims: 0,
      changes: 0,
      pending: 0,
      signIns: 0,
    });
  });
});

describe('reminders.prune', () => {
  it('drops deliveries after 8 days, keeping the week a digest looks back on', async () => {
    const employeeId = new mongoose.Types.ObjectId();
    await Delivery.insertMany([
      { _id: 'digest:old', employeeId, kind: 'digest', status: 'sent', at: hoursAgo(9 * 24) },
      { _id: 'checkin:old', employeeId, kind: 'reminder', status: 'sent', at: hoursAgo(8 * 24 + 1) },
      { _id: 'digest:week', employeeId, kind: 'digest', status: 'empty', at: hoursAgo(7 * 24) },
    ]);
    expect(await run(digestJobs([]), 'reminders.prune')).toMatchObject({ deliveries: 2 });
    expect(await ids(Delivery as never)).toEqual(['digest:week']);
  });
});

describe('pruneOldest', () => {
  const Row = mongoose.model(
    'PruneRow',
    new mongoose.Schema({ _id: String, group: String, at: Date }),
    'prune_rows',
  );

  it('deletes at most `max` a call, oldest first, and only what matches', async () => {
    await Row.insertMany([
      ...Array.from({ length: 7 }, (_, i) => ({ _id: `a${i}`, group: 'a', at: hoursAgo(100 - i) })),
      { _id: 'b0', group: 'b', at: hoursAgo(200) },
      { _id: 'a-new', group: 'a', at: hoursAgo(1) },
    ]);
    const prune = () => pruneOldest(Row, { group: 'a' }, 'at', hoursAgo(24), 3);
    expect(await prune()).toBeLessThanOrEqual(3);
    const left = await ids(Row as never);
    // the oldest went first
    expect(left).not.toContain('a0');
    expect(left).toContain('a6');
    let rounds = 1;
    while ((await prune()) > 0) rounds++;
    expect(rounds).toBeGreaterThanOrEqual(3);
    expect(await ids(Row as never)).toEqual(['a-new', 'b0']);
  });

  it('still makes progress, bounded, when many rows share one instant', async () => {
    await Row.deleteMany({});
    const same = hoursAgo(50);
    await Row.insertMany(Array.from({ length: 8 }, (_, i) => ({ _id: `s${i}`, group: 's', at: same })));
    expect(await pruneOldest(Row, { group: 's' }, 'at', hoursAgo(24), 3)).toBe(3);
    expect(await Row.countDocuments({ group: 's' })).toBe(5);
  });
});
