import mongoose from 'mongoose';
import { nextNumber } from '../../db/claims.js';
import type { CustomerDoc } from '../../db/models/customer.js';
import { Ticket, type TicketDoc } from '../../db/models/ticket.js';
import { follow, pointAt } from '../../db/pointers.js';
import { type Changed, changeVersioned, type Refused } from '../../db/versioned.js';
import type { Reminders } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import type { Person } from '../../src/bot/types.js';
import { readDirectory } from '../org/api.js';
import { CRM_CONFIG } from './config.js';
import { ticketNoRef } from './keys.js';
import { changeCustomer } from './ownership.js';

type Id = mongoose.Types.ObjectId;
const oid = (id: string) => new mongoose.Types.ObjectId(id);
export type TicketRefusal = 'resolved' | 'not_assignee';

/**
 * Opens a ticket for the customer's owner; a pool customer's goes to the support role. Its
 * number points at it (db/pointers.ts) before it exists — a pointer left by a crash names no
 * ticket, which reads as "no such ticket" — and the customer lists it among its open ones.
 */
export async function openTicket(
  customer: CustomerDoc,
  by: Person,
  problem: string,
  now: Date,
): Promise<TicketDoc> {
  const assigneeId = customer.ownerId ?? (await supportPerson());
  const _id = new mongoose.Types.ObjectId();
  const no = `TK-${await nextNumber('ticket', 1000, now)}`;
  await pointAt(ticketNoRef(no), _id, now);
  const doc = await Ticket.create({
    _id,
    no,
    customerId: customer._id,
    problem,
    openedBy: oid(by.id),
    assigneeId,
    // the SLA counts from here: the injected clock, not the driver's
    createdAt: now,
  });
  await changeCustomer(customer._id, (c) => ({ openTickets: [...c.openTickets, _id] }), now);
  return doc.toObject() as TicketDoc;
}

async function supportPerson(): Promise<Id | null> {
  const [first] = (await readDirectory())
    .withRole(CRM_CONFIG.supportRole)
    .filter((e) => e.department === CRM_CONFIG.supportDepartment)
    // the same one every time: the earliest created (lowest id)
    .sort((a, b) => (String(a._id) < String(b._id) ? -1 : 1));
  return first?._id ?? null;
}

/**
 * Take: the clicker becomes the assignee. Resolve: the assignee (or an admin) closes it with a
 * note, and its customer no longer lists it as open.
 */
export async function changeTicket(
  no: string,
  person: Person,
  action: { take: true } | { resolve: string },
  now: Date,
): Promise<Changed<TicketDoc> | Refused<TicketDoc, TicketRefusal>> {
  const id = await follow(ticketNoRef(no));
  if (!id) return { ok: false, refusal: 'not_found' };
  const me = oid(person.id);
  const result = await changeVersioned<TicketDoc, TicketRefusal>(
    Ticket,
    'ticket',
    id,
    (doc) => {
      if (doc.status === 'resolved') return 'resolved';
      if ('take' in action) return { assigneeId: me, status: 'taken' };
      const mine = !doc.assigneeId || doc.assigneeId.equals(me) || person.roles.includes('admin');
      return mine ? { status: 'resolved', resolution: action.resolve, resolvedAt: now } : 'not_assignee';
    },
    now,
  );
  if (result.ok && result.doc.status === 'resolved')
    await changeCustomer(
      result.doc.customerId,
      (c) => ({ openTickets: c.openTickets.filter((t) => !t.equals(id)) }),
      now,
    );
  return result;
}

/** Open or taken tickets older than the SLA, oldest first: what a reminder job sends out. */
export async function ticketsPastSla(now: Date, slaHours = CRM_CONFIG.ticketSlaHours): Promise<TicketDoc[]> {
  const cutoff = new Date(now.getTime() - slaHours * 3_600_000);
  return Ticket.find({ status: { $in: ['open', 'taken'] }, createdAt: { $lt: cutoff } })
    .sort({ createdAt: 1 })
    .limit(500)
    .lean<TicketDoc[]>();
}

const slaReminder = {
  'zh-CN': '⏰ 工单 {no} 已超过 {hours} 小时未解决：{problem}',
  en: '⏰ Ticket {no} has been open over {hours} hours: {problem}',
};

/**
 * The SLA reminder job: the assignee of each ticket past the SLA is reminded once per SLA period
 * of that ticket (after 24 h, 48 h, …), through `reminders` (quiet hours, mute, one delivery key).
 */
export async function remindTicketsPastSla(
  now: Date,
  reminders: Reminders,
  slaHours = CRM_CONFIG.ticketSlaHours,
): Promise<TicketDoc[]> {
  const slaMs = slaHours * 3_600_000;
  const keyOf = (t: TicketDoc) =>
    `ticket-sla:${t._id}:${Math.floor((now.getTime() - t.createdAt.getTime()) / slaMs)}`;
  const tickets = (await ticketsPastSla(now, slaHours)).filter((t) => t.assigneeId);
  // a key of the current period was, if ever, delivered within it
  const done = await reminders.delivered(tickets.map(keyOf), {
    kind: 'reminder',
    since: new Date(now.getTime() - slaMs - 86_400_000),
  });
  const todo = tickets.filter((t) => !done.has(keyOf(t)));
  const people = await reminders.recipients([...new Set(todo.map((t) => String(t.assigneeId)))]);
  const reminded: TicketDoc[] = [];
  for (const ticket of todo) {
    const assignee = people.get(String(ticket.assigneeId));
    if (!assignee) continue;
    const vars = { no: ticket.no, hours: slaHours, problem: ticket.problem };
    const result = await reminders.deliver({
      employeeId: assignee.id,
      kind: 'reminder',
      key: keyOf(ticket),
      reply: { text: tr(assignee.locale, slaReminder, vars) },
      at: now,
      recipient: assignee,
    });
    if (result.status !== 'sent') continue;
    await Ticket.updateOne({ _id: ticket._id }, { $set: { remindedAt: now } });
    reminded.push(ticket);
  }
  return reminded;
}
