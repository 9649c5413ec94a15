import mongoose from 'mongoose';
import { ageBandOf, Customer, type CustomerDoc, nameKeyOf, type Stage } from '../../db/models/customer.js';
import { FollowUp, type FollowUpDoc } from '../../db/models/follow-up.js';
import { Ticket, type TicketDoc } from '../../db/models/ticket.js';
import { isDuplicateKey } from '../../db/processed-events.js';
import type { Person } from '../../src/bot/types.js';
import { type Full, withOwnerSlot } from './ownership.js';

type Id = mongoose.Types.ObjectId;
const oid = (id: string) => new mongoose.Types.ObjectId(id);

export type CustomerInput = {
  name: string;
  city?: string;
  industry?: string;
  contact?: string;
  phone?: string;
  email?: string;
  age?: number;
  ageBand?: string;
  source?: string;
  stage?: Stage;
  tags?: string[];
};

export type Created = { ok: true; customer: CustomerDoc } | { ok: false; existing: CustomerDoc } | Full;

/** The document fields of a new customer; `ownerId` null puts it in the pool. */
export function newCustomer(input: CustomerInput, ownerId: Id | null, createdBy: Id | null, now: Date) {
  return {
    ...input,
    name: input.name.trim(),
    nameKey: nameKeyOf(input.name),
    ageBand: input.ageBand ?? (input.age !== undefined ? ageBandOf(input.age) : ''),
    ownerId,
    createdBy,
    activeAt: now,
  };
}

/**
 * Creates a customer owned by its creator (within the per-owner maximum). A name already taken
 * — in any case or width — is reported with the existing customer instead.
 */
export async function createCustomer(input: CustomerInput, creator: Person, now: Date): Promise<Created> {
  const existing = await findByName(input.name);
  if (existing) return { ok: false, existing };
  const me = oid(creator.id);
  const result = await withOwnerSlot(me, now, async () => {
    try {
      const doc = await Customer.create(newCustomer(input, me, me, now));
      return { ok: true as const, customer: doc.toObject() as CustomerDoc };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return { ok: false as const, existing: (await findByName(input.name)) as CustomerDoc };
    }
  });
  return result;
}

export async function findByName(name: string): Promise<CustomerDoc | null> {
  return Customer.findOne({ nameKey: nameKeyOf(name) }).lean<CustomerDoc>();
}

export async function getCustomer(id: string | Id): Promise<CustomerDoc | null> {
  if (typeof id === 'string' && !mongoose.isValidObjectId(id)) return null;
  return Customer.findById(id).lean<CustomerDoc>();
}

/** The profile card's data: the last five follow-ups and the tickets still open. */
export async function profileOf(
  customer: CustomerDoc,
): Promise<{ followUps: FollowUpDoc[]; tickets: TicketDoc[] }> {
  const [followUps, tickets] = await Promise.all([
    FollowUp.find({ customerId: customer._id }).sort({ at: -1 }).limit(5).lean<FollowUpDoc[]>(),
    Ticket.find({ customerId: customer._id, status: { $in: ['open', 'taken'] } })
      .sort({ createdAt: 1 })
      .lean<TicketDoc[]>(),
  ]);
  return { followUps, tickets };
}

/** My customers, soonest next follow-up first (none planned last). */
export async function listMine(owner: Person, limit = 30): Promise<CustomerDoc[]> {
  const rows = await Customer.find({ ownerId: oid(owner.id) })
    .sort({ nextFollowUpAt: 1 })
    .limit(200)
    .lean<CustomerDoc[]>();
  const planned = rows.filter((r) => r.nextFollowUpAt);
  return [...planned, ...rows.filter((r) => !r.nextFollowUpAt)].slice(0, limit);
}

/** Follow-ups planned up to the end of `endOfToday`, overdue ones included. */
export async function listDue(owner: Person, endOfToday: Date, limit = 30): Promise<CustomerDoc[]> {
  return Customer.find({ ownerId: oid(owner.id), nextFollowUpAt: { $ne: null, $lte: endOfToday } })
    .sort({ nextFollowUpAt: 1 })
    .limit(limit)
    .lean<CustomerDoc[]>();
}

export async function listPool(limit = 30): Promise<CustomerDoc[]> {
  return Customer.find({ ownerId: null }).sort({ nextFollowUpAt: 1 }).limit(limit).lean<CustomerDoc[]>();
}
