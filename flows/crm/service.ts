import mongoose from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import {
  ageBandOf,
  Customer,
  type CustomerDoc,
  type HistoryLine,
  nameKeyOf,
  type Stage,
} from '../../db/models/customer.js';
import { Ticket, type TicketDoc } from '../../db/models/ticket.js';
import { follow, pointAt } from '../../db/pointers.js';
import type { Person } from '../../src/bot/types.js';
import { countChange, recordCounts } from './counts.js';
import { duplicateKeysOf, type Match } from './duplicates.js';
import { customerNameRef } from './keys.js';
import { customerNameWrites, lookalikes, poolNames } from './name-index.js';
import { type Full, ownedBy, ownedLists, withOwnerSlot } from './ownership.js';

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

/** A customer like a new one: why it matched (same folded name, phone or e-mail). */
export type Lookalike = { customer: CustomerDoc; match: Match };
export type Created =
  | { ok: true; customer: CustomerDoc }
  | { ok: false; existing: CustomerDoc }
  | { ok: false; near: Lookalike[] }
  | Full;

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
 * Creates a customer owned by its creator (within the per-owner maximum), after a duplicate check
 * across the pool and every owner. A name already taken — in any case or width, or with another
 * legal form (华为 / 华为有限公司) — is refused with the existing customer; one sharing only a phone
 * or e-mail is returned as `near` unless the creator has seen it and `confirmed` anyway.
 */
export async function createCustomer(
  input: CustomerInput,
  creator: Person,
  now: Date,
  confirmed = false,
): Promise<Created> {
  const existing = await findByName(input.name);
  if (existing) return { ok: false, existing };
  const alike = await lookalikesOf(input);
  const sameName = alike.find((a) => a.match === 'name');
  if (sameName) return { ok: false, existing: sameName.customer };
  if (alike.length > 0 && !confirmed) return { ok: false, near: alike };
  const me = oid(creator.id);
  const result = await withOwnerSlot(me, now, async () => {
    try {
      const doc = (await Customer.create(newCustomer(input, me, me, now))).toObject() as CustomerDoc;
      await pointAt(customerNameRef(doc.name), doc._id, now);
      await ownedLists.add(me, [doc._id]);
      return { ok: true as const, customer: doc };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return { ok: false as const, existing: await takenName(input.name, now) };
    }
  });
  if (result.ok) {
    await recordCounts(countChange(null, result.customer), now);
    await customerNameWrites.saved(result.customer, now);
  }
  return result;
}

/**
 * The customer holding a name the unique index refused. Its pointer is written right after it, so
 * it may lag behind a racing create, or be missing after a crash: then it is found by `nameKey`
 * (the one read by name that goes through the whole collection, on this rare path) and repaired.
 */
async function takenName(name: string, now: Date): Promise<CustomerDoc> {
  const pointed = await findByName(name);
  if (pointed) return pointed;
  const doc = (await Customer.findOne({ nameKey: nameKeyOf(name) }).lean<CustomerDoc>()) as CustomerDoc;
  await pointAt(customerNameRef(name), doc._id, now);
  return doc;
}

/** The customer of that name, in any case or width: its name pointer, then the customer, by `_id`. */
export async function findByName(name: string): Promise<CustomerDoc | null> {
  const id = await follow(customerNameRef(name));
  const doc = id ? await Customer.findById(id).lean<CustomerDoc>() : null;
  return doc?.nameKey === nameKeyOf(name) ? doc : null;
}

/** Customers like `input`, each read by `_id` (the index may be a moment behind). */
export async function lookalikesOf(input: CustomerInput): Promise<Lookalike[]> {
  const entries = await lookalikes(duplicateKeysOf(input));
  const docs = await Promise.all(entries.map((e) => Customer.findById(e.id).lean<CustomerDoc>()));
  return entries.flatMap((e, i) => {
    const customer = docs[i];
    return customer ? [{ customer, match: e.match }] : [];
  });
}

export async function getCustomer(id: string | Id): Promise<CustomerDoc | null> {
  if (typeof id === 'string' && !mongoose.isValidObjectId(id)) return null;
  return Customer.findById(id).lean<CustomerDoc>();
}

/** The profile card's data: the last five history lines (kept on the customer) and its open tickets. */
export async function profileOf(
  customer: CustomerDoc,
): Promise<{ followUps: HistoryLine[]; tickets: TicketDoc[] }> {
  const tickets = await Promise.all(customer.openTickets.map((id) => Ticket.findById(id).lean<TicketDoc>()));
  return {
    followUps: customer.recent,
    tickets: tickets.filter((t): t is TicketDoc => t !== null && t.status !== 'resolved'),
  };
}

const byNext = (a: CustomerDoc, b: CustomerDoc) =>
  (a.nextFollowUpAt?.getTime() ?? 0) - (b.nextFollowUpAt?.getTime() ?? 0);

/** My customers, soonest next follow-up first (none planned last). */
export async function listMine(owner: Person, limit = 30): Promise<CustomerDoc[]> {
  const rows = await ownedBy(oid(owner.id));
  const planned = rows.filter((r) => r.nextFollowUpAt).sort(byNext);
  return [...planned, ...rows.filter((r) => !r.nextFollowUpAt)].slice(0, limit);
}

/** Follow-ups planned up to the end of `endOfToday`, overdue ones included. */
export async function listDue(owner: Person, endOfToday: Date, limit = 30): Promise<CustomerDoc[]> {
  const rows = await ownedBy(oid(owner.id));
  return rows
    .filter((r) => r.nextFollowUpAt && r.nextFollowUpAt <= endOfToday)
    .sort(byNext)
    .slice(0, limit);
}

/** Pool customers from the name index, each read by `_id` and kept only if still in the pool. */
export async function listPool(limit = 30): Promise<CustomerDoc[]> {
  // twice as many as shown: an entry a moment stale (claimed on another instance) drops out
  const entries = await poolNames(limit * 2);
  const docs = await Promise.all(entries.map((e) => Customer.findById(e.id).lean<CustomerDoc>()));
  return docs
    .filter((d): d is CustomerDoc => d !== null && !d.ownerId)
    .sort(byNext)
    .slice(0, limit);
}
