import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../../db/migrations.js';
import { ApprovalList, type ApprovalListDoc } from '../../../db/models/approval-list.js';
import { ApprovalRequest, type ApprovalRequestDoc } from '../../../db/models/approval-request.js';
import { MigrationState } from '../../../db/models/migration.js';
import { listMine, listPending } from '../../../flows/approvals/lists.js';
import { approvalMigrations } from '../../../flows/approvals/migrations.js';
import { createLogger } from '../../../src/logger.js';
import { TEST_START } from '../../helpers/clock.js';
import { useTestDb } from '../../helpers/db.js';

useTestDb();

const log = createLogger('silent');
const clock = () => TEST_START;
const legacy = (name: string) => mongoose.connection.collection(name);
const collections = async () =>
  (await mongoose.connection.db?.listCollections({}, { nameOnly: true }).toArray())?.map((c) => c.name) ?? [];
const oid = () => new mongoose.Types.ObjectId();

/** The approvals migrations, the second one (requests) failing on its `failOn`-th batch. */
const crashing = (failOn: number) =>
  approvalMigrations.map((m, i) => {
    if (i !== 1) return m;
    let batches = 0;
    return {
      ...m,
      step: (cursor: string | null, now: Date) =>
        ++batches === failOn ? Promise.reject(new Error('killed')) : m.step(cursor, now),
    };
  });

describe('approvals migrations', () => {
  it('re-key requests by number with their cards inside and build the lists — resuming after a crash, then never again', async () => {
    const boss = oid();
    const requesters = [oid(), oid(), oid()];
    // 1,200 requests of the old shape: every fourth still pending on the boss
    const requests = Array.from({ length: 1200 }, (_, i) => {
      const pending = i % 4 === 0;
      return {
        _id: oid(),
        no: `AP-${1001 + i}`,
        type: 'general',
        requesterId: requesters[i % 3],
        department: 'Sales',
        data: { title: `t${i}`, text: 'x' },
        status: pending ? 'pending' : 'approved',
        steps: [
          {
            name: 'manager',
            label: null,
            mode: 'any',
            approvers: [
              {
                employeeId: boss,
                standsInFor: null,
                reason: null,
                decision: pending ? null : 'approved',
                at: null,
              },
            ],
          },
        ],
        stepIndex: 0,
        waitingFor: pending ? [boss] : [],
        cc: [],
        history: [
          {
            at: new Date(TEST_START.getTime() - i * 60_000),
            by: requesters[i % 3],
            action: 'submitted',
            step: 0,
            comment: '',
          },
        ],
        lastUrgedAt: null,
        version: pending ? 0 : 1,
        createdAt: new Date(TEST_START.getTime() - i * 60_000),
        updatedAt: new Date(TEST_START.getTime() - i * 60_000),
      };
    });
    await legacy('approvalrequests').insertMany(requests);
    // two copies per request, and one row written twice (a retried insert)
    const cards = requests.flatMap((r) => [
      {
        requestId: r._id,
        employeeId: boss,
        platform: 'web',
        channelId: String(boss),
        messageId: `m-${r.no}`,
      },
      {
        requestId: r._id,
        employeeId: r.requesterId,
        platform: 'slack',
        channelId: 'D1',
        messageId: `s-${r.no}`,
      },
    ]);
    await legacy('approvalcards').insertMany([...cards, { ...cards[0], _id: oid() }]);

    await expect(runMigrations(crashing(2), log, clock)).rejects.toThrow('killed');
    expect(await collections()).not.toContain('approvalcards'); // the first migration finished
    expect(await ApprovalRequest.countDocuments({})).toBe(500); // one batch of requests moved
    await runMigrations(approvalMigrations, log, clock);

    expect(await ApprovalRequest.countDocuments({})).toBe(1200);
    expect(await collections()).not.toContain('approvalrequests');
    const first = await ApprovalRequest.findById('AP-1001').lean<ApprovalRequestDoc>();
    expect(first).toMatchObject({ no: 'AP-1001', status: 'pending', data: { title: 't0' } });
    expect(first?.createdAt).toEqual(requests[0]?.createdAt);
    expect(first?.cards.map((c) => `${c.platform}:${c.messageId}`).toSorted()).toEqual([
      'slack:s-AP-1001',
      'web:m-AP-1001',
    ]);
    const pending = await listPending(String(boss), TEST_START, 1000);
    expect(pending.map((d) => d.no).toSorted()).toEqual(
      requests
        .filter((r) => r.status === 'pending')
        .map((r) => r.no)
        .toSorted(),
    );
    expect(pending[0]?.no).toBe('AP-2197'); // the oldest pending first
    expect((await listMine(String(requesters[0]))).map((d) => d.no)).toEqual([
      'AP-1001',
      'AP-1004',
      'AP-1007',
      'AP-1010',
      'AP-1013',
      'AP-1016',
      'AP-1019',
      'AP-1022',
      'AP-1025',
      'AP-1028',
    ]);

    const lists = await ApprovalList.find({}).lean<ApprovalListDoc[]>();
    await runMigrations(approvalMigrations, log, clock);
    for (const m of approvalMigrations.slice(0, 2))
      expect(await m.step(null, TEST_START)).toEqual({ cursor: null, migrated: 0 });
    expect(await ApprovalRequest.countDocuments({})).toBe(1200);
    expect(await ApprovalList.find({}).lean<ApprovalListDoc[]>()).toEqual(lists);
    expect((await MigrationState.find({ _id: /^approvals\./ }).lean()).map((s) => s.finishedAt)).toEqual([
      TEST_START,
      TEST_START,
      TEST_START,
    ]);
  });
});
