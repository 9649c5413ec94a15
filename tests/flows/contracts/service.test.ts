import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { Contract, ContractList } from '../../../db/models/contract.js';
import { activateContract } from '../../../flows/contracts/api.js';
import { contractForm } from '../../../flows/contracts/form.js';
import { contractsOfCustomer, contractsOwnedBy } from '../../../flows/contracts/read.js';
import { expiryKey, remindContracts, stageOf } from '../../../flows/contracts/reminders.js';
import { createContract, recordPayment } from '../../../flows/contracts/service.js';
import { seedDemoCompany } from '../../../flows/org/demo-company.js';
import { findActiveByEmail } from '../../../flows/org/service.js';
import type { Person } from '../../../src/bot/types.js';
import { useTestDb } from '../../helpers/db.js';
import { recordingReminders } from '../../helpers/reminders.js';

useTestDb();

const now = new Date('2026-12-02T02:00:00Z');
const today = '2026-12-02';
const people: Record<string, Person> = {};
const person = (user: string) => people[user] as Person;
const customer = { id: new mongoose.Types.ObjectId(), name: '松柏测试', ownerId: null };

beforeAll(async () => {
  await seedDemoCompany(now);
  for (const user of ['zhang.min', 'alice.chen', 'wang.fang', 'zhao.lei', 'bob.smith'])
    people[user] = (await findActiveByEmail(`${user}@demo.example`)) as Person;
});

const draft = (amount: number, parts: [number, string][], endDate = '2027-11-30') => ({
  orderNo: '',
  customer: customer.name,
  amount,
  currency: 'CNY',
  startDate: '2026-12-01',
  endDate,
  instalments: parts.map(([a, dueDate]) => ({ amount: a, dueDate })),
  attachment: '',
});

const make = (amount: number, parts: [number, string][], endDate?: string) =>
  createContract({
    draft: draft(amount, parts, endDate),
    customer: { ...customer, ownerId: null },
    creator: person('zhang.min'),
    today,
    now,
  });

describe('contracts service', () => {
  it('numbers contracts per year, once each, and lists them for the owner and the customer', async () => {
    const made = await Promise.all([1, 2, 3].map(() => make(1000, [[1000, '2026-12-10']])));
    const nos = made.map((m) => m.contract._id).sort();
    expect(nos).toEqual(['HT-2026-0001', 'HT-2026-0002', 'HT-2026-0003']);
    expect(made.every((m) => m.contract.status === 'active' && m.approval === null)).toBe(true);
    // a pool customer's contract belongs to whoever wrote it
    expect((await contractsOwnedBy(person('zhang.min').id)).map((c) => c._id).sort()).toEqual(nos);
    expect((await contractsOfCustomer(customer.id)).map((c) => c._id).sort()).toEqual(nos);
    expect((await ContractList.findById(`owner:${person('zhang.min').id}`).lean())?.nos).toHaveLength(3);
  });

  it('two payments racing for the last money due: one is recorded, the other finds it paid', async () => {
    const { contract } = await make(5000, [
      [2000, '2026-12-10'],
      [3000, '2027-01-10'],
    ]);
    const pay = (user: string, amount: number) =>
      recordPayment({ no: contract._id, actor: person(user), amount, day: today, note: user, now });
    expect(await pay('zhang.min', 2000)).toMatchObject({ ok: true, applied: [{ n: 1, amount: 2000 }] });
    const [a, b] = await Promise.all([pay('zhang.min', 3000), pay('zhao.lei', 3000)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const refused = a.ok ? b : a;
    // the loser reads again after the winner's write: nothing is due any more
    expect(refused).toMatchObject({ ok: false, refusal: 'paid' });
    const after = await Contract.findById(contract._id).lean();
    expect(after?.instalments.map((p) => p.paid)).toEqual([2000, 3000]);
    expect(after?.payments).toHaveLength(2);
    expect(after?.status).toBe('paid');
  });

  it('payments are for the owner, their managers and finance', async () => {
    const { contract } = await make(1000, [[1000, '2026-12-10']]);
    const pay = (user: string) =>
      recordPayment({ no: contract._id, actor: person(user), amount: 10, day: today, note: '', now });
    expect(await pay('alice.chen')).toMatchObject({ ok: false, refusal: 'forbidden' });
    expect(await pay('bob.smith')).toMatchObject({ ok: false, refusal: 'forbidden' });
    expect((await pay('wang.fang')).ok).toBe(true);
    expect((await pay('zhao.lei')).ok).toBe(true);
    expect((await Contract.findById(contract._id).lean())?.payments).toHaveLength(2);
  });

  it('over the line it waits; only its own approval activates it, once', async () => {
    const { contract, approval } = await make(200_000, [[200_000, '2026-12-31']]);
    expect(contract.status).toBe('awaiting_approval');
    expect(approval?.type).toBe('contract');
    expect(approval?.data).toMatchObject({ contractNo: contract._id, amount: 200_000, currency: 'CNY' });
    expect(await activateContract(contract._id, 'AP-9999', now)).toBe(false);
    expect(await activateContract(contract._id, approval?.no ?? '', now)).toBe(true);
    expect(await activateContract(contract._id, approval?.no ?? '', now)).toBe(false);
    expect((await Contract.findById(contract._id).lean())?.status).toBe('active');
  });

  it('stages: three days before, on the day, late within the window', () => {
    expect(stageOf('2027-01-20', '2027-01-16')).toBeNull();
    expect(stageOf('2027-01-20', '2027-01-17')).toEqual({ stage: 'before', days: 3 });
    expect(stageOf('2027-01-20', '2027-01-20')).toEqual({ stage: 'due', days: 0 });
    expect(stageOf('2027-01-20', '2027-02-19')).toEqual({ stage: 'overdue', days: 30 });
    expect(stageOf('2027-01-20', '2027-02-20')).toBeNull();
  });

  it('an expiring contract is announced once to its owner', async () => {
    await Contract.deleteMany({});
    const { contract } = await make(1000, [[1000, '2026-12-05']], '2026-12-20');
    await recordPayment({
      no: contract._id,
      actor: person('zhang.min'),
      amount: 1000,
      day: today,
      note: '',
      now,
    });
    const reminders = recordingReminders();
    await remindContracts(now, reminders);
    await remindContracts(new Date(now.getTime() + 86_400_000), reminders);
    expect(reminders.sent).toEqual([
      {
        employeeId: person('zhang.min').id,
        reply: { text: `📄 松柏测试 合同 ${contract._id} 将于 2026-12-20 到期（还有 18 天）。需要续签吗？` },
      },
    ]);
    expect(expiryKey(contract._id, '2026-12-20')).toBe(`contract-expiry:${contract._id}:2026-12-20`);
  });
});

describe('contract form', () => {
  const ctx = {
    locale: 'en' as const,
    now: DateTime.fromISO('2026-12-02T10:00', { zone: 'Asia/Shanghai' }),
    tz: 'Asia/Shanghai',
    currency: 'CNY',
  };
  const values = {
    customer: 'Contoso Ltd',
    amount: '12000',
    currency: 'usd',
    startDate: '2026-12-01',
    endDate: '2027-11-30',
    plan: '5000 2026-12-15, 7000 2027-03-01',
    attachment: '',
  };

  it('reads the same contract as the text', () => {
    expect(contractForm.parse(values, ctx)).toEqual({
      args: {
        orderNo: '',
        customer: 'Contoso Ltd',
        amount: 12000,
        currency: 'USD',
        startDate: '2026-12-01',
        endDate: '2027-11-30',
        instalments: [
          { amount: 5000, dueDate: '2026-12-15' },
          { amount: 7000, dueDate: '2027-03-01' },
        ],
        attachment: '',
      },
    });
  });

  it('names the field that is off', () => {
    expect(contractForm.parse({ ...values, plan: '5000 2026-12-15, 6000 2027-03-01' }, ctx)).toEqual({
      errors: {
        plan: 'The instalments add up to 11,000.00 USD, not the contract amount 12,000.00 USD (off by 1,000.00 USD).',
      },
    });
    expect(contractForm.parse({ ...values, attachment: 'ftp://x', currency: 'XX' }, ctx)).toMatchObject({
      errors: { attachment: 'must start with http(s)://', currency: 'a currency code such as CNY or USD' },
    });
  });
});
