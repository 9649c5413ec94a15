import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../../db/migrations.js';
import { Customer, type CustomerDoc } from '../../../db/models/customer.js';
import { MigrationState } from '../../../db/models/migration.js';
import { countAll, DIMENSIONS, readCounts } from '../../../flows/crm/counts.js';
import { crmFlow } from '../../../flows/crm/index.js';
import { ownedLists } from '../../../flows/crm/ownership.js';
import { findByName } from '../../../flows/crm/service.js';
import { changeTicket } from '../../../flows/crm/tickets.js';
import type { Person } from '../../../src/bot/types.js';
import { createLogger } from '../../../src/logger.js';
import { useTestDb } from '../../helpers/db.js';

useTestDb();

const log = createLogger('silent');
const now = () => new Date('2026-12-01T02:00:00Z');
const day = (n: number) => new Date(now().getTime() - n * 86_400_000);
const oid = () => new mongoose.Types.ObjectId();
const owner = oid();
const admin = { id: String(oid()), roles: ['admin'] } as Person;
const raw = (name: string) => mongoose.connection.collection(name);

/** Customers, follow-ups and tickets as the app wrote them before any of the keys existed. */
async function seedOldShape() {
  const [acme, globex, pool] = [oid(), oid(), oid()];
  const customer = (_id: mongoose.Types.ObjectId, name: string, ownerId: mongoose.Types.ObjectId | null) => ({
    _id,
    name,
    nameKey: name.toLowerCase(),
    city: '深圳',
    industry: '',
    ageBand: '',
    stage: 'lead',
    ownerId,
    tags: [],
    activeAt: day(1),
    version: 0,
  });
  await raw('customers').insertMany([
    customer(acme, 'Acme', owner),
    customer(globex, 'Globex', owner),
    customer(pool, 'Pool Co', null),
  ]);
  await raw('followups').insertMany(
    Array.from({ length: 7 }, (_, i) => ({
      customerId: acme,
      by: owner,
      at: day(10 - i),
      kind: 'note',
      channel: 'call',
      note: `call ${i}`,
      stage: ({ 2: 'contacted', 5: 'proposal', 6: 'proposal' } as Record<number, string>)[i] ?? null,
    })),
  );
  await raw('tickets').insertMany(
    ['open', 'resolved', 'taken'].map((status, i) => ({
      no: `TK-${1001 + i}`,
      customerId: acme,
      problem: `p${i}`,
      openedBy: owner,
      assigneeId: owner,
      status,
      createdAt: day(3 - i),
      version: 0,
    })),
  );
  return { acme, globex, pool };
}

async function expectNewShape(ids: Awaited<ReturnType<typeof seedOldShape>>) {
  const acme = await findByName('ACME');
  expect(acme?.recent.map((l) => l.note)).toEqual(['call 6', 'call 5', 'call 4', 'call 3', 'call 2']);
  expect(acme?.openTickets.map(String)).toEqual(
    (
      await raw('tickets')
        .find({ status: { $ne: 'resolved' } })
        .sort({ createdAt: 1 })
        .toArray()
    ).map((t) => String(t._id)),
  );
  // the profile's contact times and stage changes, newest first, a repeated stage once
  expect(acme?.contactTimes).toEqual([4, 5, 6, 7, 8, 9, 10].map(day));
  expect(acme?.stageHistory).toEqual([
    { stage: 'proposal', at: day(5) },
    { stage: 'contacted', at: day(8) },
  ]);
  expect((await findByName('Pool Co'))?.recent).toEqual([]);
  expect((await ownedLists.read(owner)).map(String).sort()).toEqual(
    [ids.acme, ids.globex].map(String).sort(),
  );
  const all = countAll(await Customer.find({}).lean<CustomerDoc[]>());
  for (const by of DIMENSIONS) expect(await readCounts(by)).toEqual(all[by]);
  expect(await readCounts('city')).toEqual(new Map([['深圳', 3]]));
}

describe('CRM migrations', () => {
  it('turns old-shape customers into the new shape, and a second run changes nothing', async () => {
    const ids = await seedOldShape();
    await runMigrations(crmFlow.migrations ?? [], log, now);
    await expectNewShape(ids);
    // the ticket numbers point at the tickets: resolving by number works
    expect((await changeTicket('TK-1001', admin, { resolve: 'fixed' }, now())).ok).toBe(true);
    expect((await findByName('Acme'))?.openTickets).toHaveLength(1);

    await MigrationState.deleteMany({});
    await runMigrations(crmFlow.migrations ?? [], log, now);
    expect((await findByName('Acme'))?.openTickets).toHaveLength(1);
    expect((await ownedLists.read(owner)).length).toBe(2);
    expect(await readCounts('city')).toEqual(new Map([['深圳', 3]]));
  });

  it('reads a log too long for one pass in shares: every pass runs once, every customer lands whole', async () => {
    await mongoose.connection.dropDatabase();
    await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
    const ids = await seedOldShape();
    const byLog = new Set(['crm.customer-history', 'crm.customer-profile', 'crm.follow-up-weeks']);
    const seen = new Map<string, (string | null)[]>();
    // as if the log held four passes' worth: the first step starts at pass 0 of 4
    const inShares = (crmFlow.migrations ?? []).map((m) => ({
      ...m,
      step: (cursor: string | null, at: Date) => {
        if (!byLog.has(m.id)) return m.step(cursor, at);
        seen.set(m.id, [...(seen.get(m.id) ?? []), cursor]);
        return m.step(cursor ?? '0/4', at);
      },
    }));
    await runMigrations(inShares, log, now);
    for (const id of byLog) expect(seen.get(id)).toEqual([null, '1/4', '2/4', '3/4']);
    await expectNewShape(ids);
  });

  it('resumes after being killed between its steps', async () => {
    await mongoose.connection.dropDatabase();
    await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
    const ids = await seedOldShape();
    const migrations = crmFlow.migrations ?? [];
    let killed = false;
    const dying = migrations.map((m) => ({
      ...m,
      step: async (cursor: string | null, at: Date) => {
        // killed once, right before the keys' last step (the counts)
        if (m.id === 'crm.customer-keys' && cursor === 'counts' && !killed) {
          killed = true;
          throw new Error('killed');
        }
        return m.step(cursor, at);
      },
    }));
    await expect(runMigrations(dying, log, now)).rejects.toThrow('killed');
    expect(await MigrationState.findById('crm.customer-keys').lean()).toMatchObject({ cursor: 'counts' });
    await runMigrations(dying, log, now);
    await expectNewShape(ids);
  });
});
