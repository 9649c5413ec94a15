import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { Contract } from '../../../db/models/contract.js';
import { contractsFlow } from '../../../flows/contracts/index.js';
import { contractsOwnedBy } from '../../../flows/contracts/read.js';
import { createContract, recordPayment } from '../../../flows/contracts/service.js';
import { seedDemoCompany } from '../../../flows/org/demo-company.js';
import { findActiveByEmail } from '../../../flows/org/service.js';
import type { Locale, Person } from '../../../src/bot/types.js';
import { useTestDb } from '../../helpers/db.js';

useTestDb();

const now = new Date('2026-12-02T02:00:00Z');
const today = '2026-12-02';
const people: Record<string, Person> = {};
const person = (user: string) => people[user] as Person;

beforeAll(async () => {
  await seedDemoCompany(now);
  for (const user of ['zhang.min', 'alice.chen', 'wang.fang', 'li.wei', 'bob.smith'])
    people[user] = (await findActiveByEmail(`${user}@demo.example`)) as Person;
});

/** A contract written by `user` for a pool customer of their own, one instalment per due date. */
const make = (user: string, name: string, amount: number, dues: string[]) =>
  createContract({
    draft: {
      orderNo: '',
      customer: name,
      amount,
      currency: 'CNY',
      startDate: '2026-11-01',
      endDate: '2027-10-31',
      instalments: dues.map((dueDate) => ({ amount: amount / dues.length, dueDate })),
      attachment: '',
    },
    customer: { id: new mongoose.Types.ObjectId(), name, ownerId: null },
    creator: person(user),
    today,
    now,
  });

const payInFull = (user: string, no: string, amount: number) =>
  recordPayment({ no, actor: person(user), amount, day: today, note: '', now });

const home = (user: string, locale: Locale) => {
  const [section] = contractsFlow.homeSections ?? [];
  return section?.load({
    person: person(user),
    locale,
    now: DateTime.fromISO('2026-12-02T10:00:00', { zone: 'Asia/Shanghai' }),
  });
};

describe('contracts when their owner leaves', () => {
  it('running contracts go to the manager, paid ones stay; a rerun moves nothing more', async () => {
    const running = (await make('zhang.min', '离职测试甲', 5000, ['2026-12-20'])).contract._id;
    const waiting = (await make('zhang.min', '离职测试乙', 300_000, ['2027-01-20'])).contract;
    expect(waiting.status).toBe('awaiting_approval');
    const paid = (await make('zhang.min', '离职测试丙', 2000, ['2026-12-10'])).contract._id;
    expect((await payInFull('zhang.min', paid, 2000)).ok).toBe(true);

    const leaver = person('zhang.min').id;
    const manager = person('wang.fang').id;
    await contractsFlow.onEmployeeLeft?.(leaver, manager, now);
    expect((await contractsOwnedBy(leaver)).map((c) => c._id)).toEqual([paid]);
    expect((await contractsOwnedBy(manager)).map((c) => c._id).sort()).toEqual([running, waiting._id].sort());

    const versions = async () =>
      (await Contract.find({ _id: { $in: [running, waiting._id] } }).lean()).map((c) => c.version);
    const before = await versions();
    await contractsFlow.onEmployeeLeft?.(leaver, manager, now);
    expect(await versions()).toEqual(before);
  });

  it('with nobody above the leaver, their contracts stay where they are', async () => {
    const no = (await make('alice.chen', '离职测试丁', 1000, ['2026-12-20'])).contract._id;
    await contractsFlow.onEmployeeLeft?.(person('alice.chen').id, null, now);
    expect(String((await Contract.findById(no).lean())?.ownerId)).toBe(person('alice.chen').id);
  });
});

describe('contracts on the home', () => {
  it('shows the owner’s contracts needing action: waiting for approval, overdue, due within 3 days', async () => {
    const overdue = (await make('alice.chen', 'Home Overdue', 1000, ['2026-11-25'])).contract._id;
    const soon = (await make('alice.chen', 'Home Soon', 1000, ['2026-12-05'])).contract._id;
    await make('alice.chen', 'Home Later', 1000, ['2026-12-06']);
    const waiting = (await make('alice.chen', 'Home Waiting', 200_000, ['2027-01-20'])).contract._id;
    const paid = (await make('alice.chen', 'Home Paid', 1000, ['2026-11-20'])).contract._id;
    expect((await payInFull('alice.chen', paid, 1000)).ok).toBe(true);

    const card = await home('alice.chen', 'en');
    expect(card?.title).toBe('My contracts needing action (3)');
    expect(card?.fields).toEqual(
      expect.arrayContaining([
        [`${overdue} · Home Overdue`, 'instalment 1, 1,000.00 CNY, overdue since 2026-11-25'],
        [`${soon} · Home Soon`, 'instalment 1, 1,000.00 CNY, due 2026-12-05'],
        [`${waiting} · Home Waiting`, 'awaiting approval'],
      ]),
    );
    const shown = card?.fields.map(([line]) => line).join('\n') ?? '';
    expect(shown).not.toMatch(/Home Later|Home Paid/);
    expect(card?.actions.map((a) => a.value)).toEqual(expect.arrayContaining([overdue, soon, waiting]));
    expect(card?.actions.every((a) => a.actionId === 'contracts.show')).toBe(true);
  });

  it('says so when nothing waits, in the person’s language', async () => {
    expect(await home('li.wei', 'zh-CN')).toMatchObject({
      title: '我的待办合同（0）',
      fields: [],
      body: '没有待审批或待收款的合同。',
      actions: [],
    });
    expect((await home('bob.smith', 'en'))?.body).toBe('No contract awaiting approval or payment.');
  });
});
