import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { Customer } from '../../../db/models/customer.js';
import { Employee } from '../../../db/models/employee.js';
import { FollowUp } from '../../../db/models/follow-up.js';
import { CRM_CONFIG } from '../../../flows/crm/config.js';
import { claimCustomer, returnIdleCustomers } from '../../../flows/crm/ownership.js';
import { newCustomer } from '../../../flows/crm/service.js';
import { openTicket, remindTicketsPastSla, ticketsPastSla } from '../../../flows/crm/tickets.js';
import { seedDemoCompany } from '../../../flows/org/demo-company.js';
import { findActiveByEmail } from '../../../flows/org/service.js';
import type { Person } from '../../../src/bot/types.js';
import { useTestDb } from '../../helpers/db.js';
import { recordingReminders } from '../../helpers/reminders.js';

useTestDb();

const now = new Date('2026-12-01T02:00:00Z');
const people: Record<string, Person> = {};
const pool = async (name: string) =>
  (await Customer.create(newCustomer({ name }, null, null, now))).toObject();

beforeAll(async () => {
  await seedDemoCompany(now);
  for (const e of await Employee.find({}).lean())
    people[e.email.split('@')[0] ?? ''] = (await findActiveByEmail(e.email)) as Person;
});

describe('CRM ownership rules', () => {
  it('many people claiming one pool customer at once: exactly one owner', async () => {
    const c = await pool('Race Co');
    const claimers = ['zhang.min', 'alice.chen', 'wang.fang', 'zhang.min', 'alice.chen', 'wang.fang'];
    const results = await Promise.all(claimers.map((u) => claimCustomer(c._id, people[u] as Person, now)));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const doc = await Customer.findById(c._id).lean();
    expect(String(doc?.ownerId)).toBe(String(winners[0]?.ok && winners[0].doc.ownerId));
    expect(doc?.version).toBe(1);
    expect(await FollowUp.countDocuments({ customerId: c._id, kind: 'claimed' })).toBe(1);
  });

  it('the per-owner maximum holds when one person claims many at once', async () => {
    const saved = CRM_CONFIG.maxCustomersPerOwner;
    const me = people['alice.chen'] as Person;
    const owned = await Customer.countDocuments({ ownerId: new mongoose.Types.ObjectId(me.id) });
    CRM_CONFIG.maxCustomersPerOwner = owned + 2;
    try {
      const customers = await Promise.all([1, 2, 3, 4, 5].map((i) => pool(`Max Co ${i}`)));
      const results = await Promise.all(customers.map((c) => claimCustomer(c._id, me, now)));
      expect(results.filter((r) => r.ok)).toHaveLength(2);
      expect(results.filter((r) => 'full' in r)).toHaveLength(3);
      expect(await Customer.countDocuments({ ownerId: new mongoose.Types.ObjectId(me.id) })).toBe(owned + 2);
    } finally {
      CRM_CONFIG.maxCustomersPerOwner = saved;
    }
  });

  it('idle customers go back to the pool and their former owner is told, once', async () => {
    const owner = new mongoose.Types.ObjectId(people['zhang.min']?.id);
    const old = new Date(now.getTime() - 40 * 86_400_000);
    const idle = await Customer.create(newCustomer({ name: 'Idle Co' }, owner, owner, old));
    const fresh = await Customer.create(newCustomer({ name: 'Fresh Co' }, owner, owner, now));
    const told: string[] = [];
    const notify = async (id: string, c: { name: string }) => {
      told.push(`${id}:${c.name}`);
    };
    const returned = await returnIdleCustomers(now, notify, 30);
    expect(returned.map((c) => c.name)).toEqual(['Idle Co']);
    expect(told).toEqual([`${owner}:Idle Co`]);
    expect((await Customer.findById(idle._id).lean())?.ownerId).toBeNull();
    expect((await Customer.findById(fresh._id).lean())?.ownerId).toEqual(owner);
    expect(await returnIdleCustomers(now, notify, 30)).toEqual([]);
    expect(await FollowUp.countDocuments({ customerId: idle._id, kind: 'returned' })).toBe(1);
  });

  it('tickets on pool customers go to the support role; past-SLA ones are listed', async () => {
    const c = await pool('Ticket Co');
    const ticket = await openTicket(c as never, people['alice.chen'] as Person, 'broken', now);
    expect(String(ticket.assigneeId)).toBe(people['wang.fang']?.id);
    // opened at 10:00 in Shanghai; the SLA has passed an hour after it, at 11:00 the next day
    const later = new Date(now.getTime() + (CRM_CONFIG.ticketSlaHours + 1) * 3_600_000);
    expect((await ticketsPastSla(later)).map((t) => t.no)).toContain(ticket.no);
    const justBefore = new Date(now.getTime() + CRM_CONFIG.ticketSlaHours * 3_600_000 - 60_000);
    expect((await ticketsPastSla(justBefore)).map((t) => t.no)).not.toContain(ticket.no);
    const reminders = recordingReminders();
    await Promise.all([remindTicketsPastSla(later, reminders), remindTicketsPastSla(later, reminders)]);
    const told = reminders.sent.filter((s) => 'text' in s.reply && s.reply.text.includes(ticket.no));
    expect(told.map((s) => s.employeeId)).toEqual([people['wang.fang']?.id]);
  });
});
