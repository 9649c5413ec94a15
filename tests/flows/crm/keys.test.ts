import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { Customer, type CustomerDoc } from '../../../db/models/customer.js';
import { CustomerCounts } from '../../../db/models/customer-counts.js';
import { Employee } from '../../../db/models/employee.js';
import { OwnerList } from '../../../db/models/owner-list.js';
import { Pointer } from '../../../db/models/pointer.js';
import { customerBreakdown } from '../../../flows/crm/analytics.js';
import { countAll, DIMENSIONS, readCounts } from '../../../flows/crm/counts.js';
import { logFollowUp } from '../../../flows/crm/follow-ups.js';
import { claimCustomer, ownedLists, releaseCustomer } from '../../../flows/crm/ownership.js';
import { recountCustomers } from '../../../flows/crm/recount.js';
import { resolveCustomer } from '../../../flows/crm/resolve.js';
import { createCustomer, findByName, listMine } from '../../../flows/crm/service.js';
import { seedDemoCompany } from '../../../flows/org/demo-company.js';
import { findActiveByEmail } from '../../../flows/org/service.js';
import type { Person } from '../../../src/bot/types.js';
import { useTestDb } from '../../helpers/db.js';

useTestDb();

const now = new Date('2026-12-01T02:00:00Z');
const people: Record<string, Person> = {};
const sales = () => ['zhang.min', 'alice.chen', 'wang.fang'].map((u) => people[u] as Person);
const owned = async (p: Person) =>
  (await Customer.find({ ownerId: new mongoose.Types.ObjectId(p.id) }, { _id: 1 }).lean())
    .map((c) => String(c._id))
    .sort();
const listed = async (p: Person) => (await ownedLists.read(p.id)).map(String).sort();

/** Every dimension's counts, as kept on write and as a full read of the customers counts them. */
async function countsBothWays() {
  const all = countAll(await Customer.find({}).lean<CustomerDoc[]>());
  const kept = Object.fromEntries(
    await Promise.all(DIMENSIONS.map(async (by) => [by, await readCounts(by)])),
  );
  const read = Object.fromEntries(
    DIMENSIONS.map((by) => [by, new Map([...all[by]].filter(([, n]) => n > 0))]),
  );
  return { kept, read };
}

beforeAll(async () => {
  await seedDemoCompany(now);
  for (const e of await Employee.find({}).lean())
    people[e.email.split('@')[0] ?? ''] = (await findActiveByEmail(e.email)) as Person;
});

describe('customers by name', () => {
  it('a name is found through its pointer, in any case or width, without reading other customers', async () => {
    const made = await createCustomer({ name: 'Blue Whale Ltd', city: 'Ningbo' }, sales()[0] as Person, now);
    expect(made.ok).toBe(true);
    const pointer = await Pointer.findById('customer-name:blue whale ltd').lean();
    expect(String(pointer?.ref)).toBe(made.ok ? String(made.customer._id) : '');
    expect((await findByName('ＢＬＵＥ  whale LTD'))?.name).toBe('Blue Whale Ltd');
    expect(await findByName('Blue Whale')).toBeNull();
    const again = await createCustomer({ name: 'blue whale ltd' }, sales()[1] as Person, now);
    expect(again).toMatchObject({ ok: false, existing: { name: 'Blue Whale Ltd' } });
  });

  it('a part of a name is matched from the in-memory index, only among customers the person may see', async () => {
    const [zhang, alice] = sales() as [Person, Person];
    await createCustomer({ name: '星河电子' }, zhang, now);
    await createCustomer({ name: '星河物流' }, zhang, now);
    await createCustomer({ name: '星河零售' }, alice, now);
    const mine = await resolveCustomer('星河 拜访', zhang);
    expect(mine.kind === 'many' && mine.candidates.map((c) => c.name).sort()).toEqual([
      '星河物流',
      '星河电子',
    ]);
    const hers = await resolveCustomer('星河 拜访', alice);
    expect(hers).toMatchObject({ kind: 'one', customer: { name: '星河零售' }, rest: '拜访' });
  });
});

describe('owners’ lists and the counts under concurrency', () => {
  it('20 parallel claims and releases leave every list equal to what each person owns', async () => {
    const pool = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        createCustomer({ name: `池客户${i}` }, people['li.wei'] as Person, now),
      ),
    );
    const ids = pool.map((r) => (r.ok ? r.customer._id : null)).filter((id) => id !== null);
    await Promise.all(
      ids.map((id) =>
        releaseCustomer(id, people['li.wei'] as Person, { reason: 'other', note: 'to the pool' }, now),
      ),
    );
    const ops = Array.from({ length: 20 }, (_, i) => {
      const person = sales()[i % 3] as Person;
      const id = ids[i % ids.length] as mongoose.Types.ObjectId;
      return i % 4 === 3
        ? releaseCustomer(id, person, { reason: 'other', note: 'done' }, now)
        : claimCustomer(id, person, now);
    });
    await Promise.all(ops);
    for (const p of [...sales(), people['li.wei'] as Person]) expect(await listed(p)).toEqual(await owned(p));
    const { kept, read } = await countsBothWays();
    expect(kept).toEqual(read);
  });

  it('parallel creates and stage changes keep the counts equal to a full recount', async () => {
    const [zhang, alice] = sales() as [Person, Person];
    const made = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        createCustomer(
          { name: `阶段客户${i}`, city: i % 2 ? '苏州' : 'St. Louis' },
          i % 2 ? zhang : alice,
          now,
        ),
      ),
    );
    const customers = made.flatMap((r) => (r.ok ? [r.customer] : []));
    await Promise.all(
      customers.flatMap((c, i) =>
        (['qualified', 'proposal'] as const).map((stage) =>
          logFollowUp({
            customer: c,
            byId: String(c.ownerId),
            channel: 'call',
            note: `n${i}`,
            stage,
            now,
            endOfToday: now,
          }),
        ),
      ),
    );
    const { kept, read } = await countsBothWays();
    expect(kept).toEqual(read);
    expect(kept.city.get('St. Louis')).toBe(5);
  });

  it('analytics: the company from the counts, a salesperson from their own list', async () => {
    const company = await customerBreakdown('city');
    expect(company.total).toBe(await Customer.countDocuments({}));
    const zhang = sales()[0] as Person;
    const own = await customerBreakdown('stage', { ownerId: zhang.id });
    expect(own.total).toBe((await owned(zhang)).length);
  });

  it('the recount repairs counts, lists and pointers that drifted', async () => {
    const zhang = sales()[0] as Person;
    const before = await countsBothWays();
    const mine = (await listMine(zhang)).map((c) => c.name).sort();
    await CustomerCounts.updateOne({ _id: 'company' }, { $inc: { 'city.v苏州': 7 } });
    await OwnerList.updateOne({ _id: `customers:${zhang.id}` }, { $set: { ids: [] } });
    await Pointer.deleteOne({ _id: 'customer-name:blue whale ltd' });
    expect(await findByName('Blue Whale Ltd')).toBeNull();

    expect(await recountCustomers(now)).toMatchObject({ customers: await Customer.countDocuments({}) });
    expect(await countsBothWays()).toEqual(before);
    expect((await listMine(zhang)).map((c) => c.name).sort()).toEqual(mine);
    expect((await findByName('Blue Whale Ltd'))?.city).toBe('Ningbo');
  });
});
