import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApprovalList, type ApprovalListDoc } from '../../../db/models/approval-list.js';
import { ApprovalRequest, type ApprovalRequestDoc } from '../../../db/models/approval-request.js';
import { Employee } from '../../../db/models/employee.js';
import { listMine, listPending, rebuildLists } from '../../../flows/approvals/lists.js';
import { DEFAULT_POLICY, loadPolicy } from '../../../flows/approvals/policy.js';
import { changeRequest, copiesOf, recordCards, submitRequest } from '../../../flows/approvals/service.js';
import * as workflow from '../../../flows/approvals/workflow.js';
import { seedDemoCompany } from '../../../flows/org/demo-company.js';
import { findActiveByEmail } from '../../../flows/org/service.js';
import type { Person } from '../../../src/bot/types.js';
import { useTestDb } from '../../helpers/db.js';

useTestDb();

const now = new Date('2026-12-01T02:00:00Z');
const people: Record<string, Person> = {};
const oid = (user: string) => new mongoose.Types.ObjectId(people[user]?.id);
/** Every general request goes to li.wei alone, whoever files it. */
const toLiWei = loadPolicy({
  ...DEFAULT_POLICY,
  general: [
    {
      steps: [
        {
          name: 'ceo',
          label: { 'zh-CN': '总经理', en: 'CEO' },
          mode: 'any',
          approvers: ['email:li.wei@demo.example'],
        },
      ],
    },
  ],
});

beforeAll(async () => {
  await seedDemoCompany(now);
  for (const e of await Employee.find({}).lean()) {
    people[e.email.split('@')[0] ?? ''] = (await findActiveByEmail(e.email)) as Person;
  }
});

const file = (user: string, title: string, at = now) =>
  submitRequest({
    requester: people[user] as Person,
    type: 'general',
    data: { title, text: 'x' },
    today: '2026-12-01',
    now: at,
    policy: toLiWei,
  });
const listed = async (key: string) =>
  ((await ApprovalList.findById(key).lean<ApprovalListDoc>())?.items ?? []).map((i) => i.no).toSorted();
const requesters = () => Object.keys(people).filter((u) => u !== 'li.wei');

describe('requests by number', () => {
  it('keys a request by its number and keeps where its cards went inside it', async () => {
    const doc = await file('bob.smith', 'keyed');
    expect(doc._id).toBe(doc.no);
    expect(await ApprovalRequest.findById(doc.no).lean()).toMatchObject({ no: doc.no, status: 'pending' });
    await recordCards(
      doc.no,
      copiesOf(oid('li.wei'), [{ platform: 'web', channelId: 'c1', messageId: 'm1' }]),
      now,
    );
    await recordCards(
      doc.no,
      copiesOf(oid('bob.smith'), [{ platform: 'slack', channelId: 'D1', messageId: '1.2' }]),
      now,
    );
    expect((await ApprovalRequest.findById(doc.no).lean<ApprovalRequestDoc>())?.cards).toEqual([
      { employeeId: oid('li.wei'), platform: 'web', channelId: 'c1', messageId: 'm1' },
      { employeeId: oid('bob.smith'), platform: 'slack', channelId: 'D1', messageId: '1.2' },
    ]);
  });
});

describe('per-person lists', () => {
  it('stay exact through 20 filings and then 20 decisions at once', async () => {
    const key = `pending:${people['li.wei']?.id}`;
    const already = await listed(key);
    const users = requesters();
    // at one moment, as concurrent turns are (claims judge staleness by their own clock)
    const filed = await Promise.all(
      Array.from({ length: 20 }, (_, i) => file(users[i % users.length] as string, `parallel ${i}`)),
    );
    const nos = filed.map((d) => d.no).toSorted();
    expect(await listed(key)).toEqual([...already, ...nos].toSorted());
    const pending = await listPending(people['li.wei']?.id ?? '', now, 50);
    expect(pending.map((d) => d.no)).toEqual([...already, ...nos]); // oldest first, then by number
    for (const user of new Set(filed.map((d) => String(d.requesterId)))) {
      const mine = filed.filter((d) => String(d.requesterId) === user).map((d) => d.no);
      expect(await listed(`mine:${user}`)).toEqual(expect.arrayContaining(mine));
    }

    const decided = await Promise.all(
      filed.map((d, i) =>
        changeRequest(
          d.no,
          (doc) => workflow.decide(doc, oid('li.wei'), i % 2 ? 'approved' : 'rejected', 'ok', now),
          now,
        ),
      ),
    );
    expect(decided.every((r) => r.ok)).toBe(true);
    expect(await listed(key)).toEqual(already);
    expect((await listPending(people['li.wei']?.id ?? '', now)).map((d) => d.no)).toEqual(already);
  });

  it('a handed-over request moves from one pending list to the other', async () => {
    const doc = await file('bob.smith', 'hand over');
    await changeRequest(doc.no, (d) => workflow.transfer(d, oid('li.wei'), oid('sun.li'), '', now), now);
    expect(await listed(`pending:${people['li.wei']?.id}`)).not.toContain(doc.no);
    expect((await listPending(people['sun.li']?.id ?? '', now)).map((d) => d.no)).toEqual([doc.no]);
  });

  it('"my requests": newest first, ten shown, twenty kept', async () => {
    const filed = [];
    for (let i = 0; i < 22; i++)
      filed.push(await file('zhang.min', `mine ${i}`, new Date(now.getTime() + i * 60_000)));
    const mine = await listMine(people['zhang.min']?.id ?? '');
    expect(mine.map((d) => d.no)).toEqual(
      filed
        .toReversed()
        .slice(0, 10)
        .map((d) => d.no),
    );
    expect(await listed(`mine:${people['zhang.min']?.id}`)).toHaveLength(20);
    // each shown as it stands now
    await changeRequest(filed[21]?.no ?? '', (d) => workflow.withdraw(d, oid('zhang.min'), now), now);
    expect((await listMine(people['zhang.min']?.id ?? ''))[0]?.status).toBe('withdrawn');
  });

  it('skips and drops an entry a crash left behind; the rebuild repairs every list', async () => {
    const stuck = await file('alice.chen', 'left behind');
    const open = await file('alice.chen', 'still open');
    // decided, but the process died before its lists were updated
    await ApprovalRequest.updateOne({ _id: stuck.no }, { $set: { status: 'approved', waitingFor: [] } });
    const key = `pending:${people['li.wei']?.id}`;
    expect(await listed(key)).toContain(stuck.no);
    const shown = (await listPending(people['li.wei']?.id ?? '', now, 100)).map((d) => d.no);
    expect(shown).toContain(open.no);
    expect(shown).not.toContain(stuck.no);
    expect(await listed(key)).not.toContain(stuck.no);

    const before = await ApprovalList.find({}).sort({ _id: 1 }).lean<ApprovalListDoc[]>();
    await ApprovalList.deleteMany({});
    await ApprovalList.create({ _id: 'pending:nobody', items: [{ no: open.no, at: now }] });
    await rebuildLists(now);
    const after = await ApprovalList.find({}).sort({ _id: 1 }).lean<ApprovalListDoc[]>();
    const items = (lists: ApprovalListDoc[]) =>
      lists.filter((l) => l.items.length > 0).map((l) => [l._id, l.items.map((i) => i.no)]);
    expect(items(after)).toEqual(items(before));
    expect(await listed('pending:nobody')).toEqual([]);
  });
});
