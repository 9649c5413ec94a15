import mongoose from 'mongoose';
import { withLock } from '../../db/claims.js';
import { Customer, type CustomerDoc, type HistoryLine, type LostReason } from '../../db/models/customer.js';
import { FollowUp } from '../../db/models/follow-up.js';
import { ownerList } from '../../db/owner-lists.js';
import { type Changed as Changed_, changeVersioned, type Refused as Refused_ } from '../../db/versioned.js';
import type { Person } from '../../src/bot/types.js';
import { AppError } from '../../src/errors.js';
import { CRM_CONFIG } from './config.js';
import { countChange, recordCounts } from './counts.js';
import { withLine } from './history.js';
import { customerNameWrites } from './name-index.js';

type Id = mongoose.Types.ObjectId;
const oid = (id: string) => new mongoose.Types.ObjectId(id);

/** `moved`: the owner changed between reading it and locking its list; the caller tries again. */
export type Refusal = 'taken' | 'not_owner' | 'not_idle' | 'moved';
export type Changed = Changed_<CustomerDoc>;
export type Refused = Refused_<CustomerDoc, Refusal>;
export type Full = { ok: false; full: number };

/** Each owner's customers (`customers:<ownerId>`): "my customers", due follow-ups, the per-owner maximum. */
export const ownedLists = ownerList('customers');

export const changeCustomer = (
  id: Id,
  change: (doc: CustomerDoc) => Record<string, unknown> | Refusal,
  now: Date,
) => changeVersioned<CustomerDoc, Refusal>(Customer, 'customer', id, change, now);

/** Customer ids by owner (pool customers left out). */
export function byOwner(customers: { _id: Id; ownerId?: Id | null }[]): Map<string, Id[]> {
  const owners = new Map<string, Id[]>();
  for (const c of customers) {
    if (!c.ownerId) continue;
    const ids = owners.get(String(c.ownerId));
    if (ids) ids.push(c._id);
    else owners.set(String(c.ownerId), [c._id]);
  }
  return owners;
}

/** An owner's customers, each read by `_id` and kept only if still theirs, in the list's order. */
export async function ownedBy(owner: Id): Promise<CustomerDoc[]> {
  const ids = await ownedLists.read(owner);
  const docs = await Promise.all(ids.map((id) => Customer.findById(id).lean<CustomerDoc>()));
  return docs.filter((d): d is CustomerDoc => d?.ownerId?.equals(owner) === true);
}

/**
 * Runs `fn` only while `owner` is under the per-owner maximum. The owner's list lock serialises
 * the count and the write, so two claims at once cannot both take the last free place; `fn` adds
 * what it took to the list before the lock is let go.
 */
export async function withOwnerSlot<T>(owner: Id, now: Date, fn: () => Promise<T>): Promise<T | Full> {
  return withLock(ownedLists.lockOf(owner), now, async () => {
    const owned = (await ownedLists.read(owner)).length;
    if (owned >= CRM_CONFIG.maxCustomersPerOwner) return { ok: false as const, full: owned };
    return fn();
  });
}

/** What follows an owner change: the history entry, the counts, the name index. */
async function recordMove(result: Changed, line: HistoryLine, now: Date): Promise<void> {
  await FollowUp.create({ customerId: result.doc._id, ...line });
  await recordCounts(countChange(result.before, result.doc), now);
  await customerNameWrites.saved(result.doc, now);
}

/** Takes a pool customer. Of two people claiming at once, one owns it; the other is refused with the doc. */
export async function claimCustomer(id: Id, person: Person, now: Date): Promise<Changed | Refused | Full> {
  const me = oid(person.id);
  const line: HistoryLine = { at: now, by: me, kind: 'claimed', channel: 'other', note: '' };
  const result = await withOwnerSlot(me, now, async () => {
    const changed = await changeCustomer(
      id,
      (doc) => (doc.ownerId ? 'taken' : { ownerId: me, activeAt: now, recent: withLine(doc.recent, line) }),
      now,
    );
    if (changed.ok) await ownedLists.add(me, [id]);
    return changed;
  });
  if (result.ok) await recordMove(result, line, now);
  return result;
}

/**
 * Moves an owned customer to the pool while holding its owner's list lock, so the list loses it
 * in the same turn as the customer loses its owner. `change` decides as before, on a document
 * whose owner is the one locked.
 */
async function toPool(
  id: Id,
  now: Date,
  change: (doc: CustomerDoc) => Record<string, unknown> | Refusal,
): Promise<Changed | Refused> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const owner = (await Customer.findById(id, { ownerId: 1 }).lean())?.ownerId ?? null;
    const same = (doc: CustomerDoc) => String(doc.ownerId) === String(owner);
    const move = () => changeCustomer(id, (doc) => (same(doc) ? change(doc) : 'moved'), now);
    const result = owner
      ? await withLock(ownedLists.lockOf(owner), now, async () => {
          const moved = await move();
          if (moved.ok) await ownedLists.remove(owner, [id]);
          return moved;
        })
      : await move();
    if (result.ok || result.refusal !== 'moved') return result;
  }
  throw new AppError('store.contention', `customer ${id} kept changing hands`);
}

/** Why a customer was released or lost: a reason from the list and a free note. */
export type Lost = { reason: LostReason; note: string };

/** The history note of a loss: the reason's code, then the note ("price · too dear"). */
export const lostNote = (lost: Lost) => [lost.reason, lost.note].filter(Boolean).join(' · ');

/** Gives an owned customer back to the pool, with the reason on it (analytics) and on its history. */
export async function releaseCustomer(
  id: Id,
  person: Person,
  lost: Lost,
  now: Date,
): Promise<Changed | Refused> {
  const me = oid(person.id);
  const admin = person.roles.includes('admin');
  const line: HistoryLine = { at: now, by: me, kind: 'released', channel: 'other', note: lostNote(lost) };
  const result = await toPool(id, now, (doc) =>
    !doc.ownerId || (!doc.ownerId.equals(me) && !admin)
      ? 'not_owner'
      : {
          ownerId: null,
          nextFollowUpAt: null,
          activeAt: now,
          recent: withLine(doc.recent, line),
          lostReason: lost.reason,
          lostNote: lost.note,
        },
  );
  if (result.ok) await recordMove(result, line, now);
  return result;
}

/**
 * The idle-customer job: owned customers with no follow-up (nor claim) for `idleDays` go back to
 * the pool and their former owner is told. Idempotent: a customer returned once is no longer owned.
 */
export async function returnIdleCustomers(
  now: Date,
  notify: (formerOwnerId: string, customer: CustomerDoc) => Promise<void>,
  idleDays = CRM_CONFIG.idleDays,
): Promise<CustomerDoc[]> {
  const cutoff = new Date(now.getTime() - idleDays * 86_400_000);
  // a scheduled job: the one read here that may go through the whole collection
  const idle = await Customer.find({ ownerId: { $ne: null }, activeAt: { $lt: cutoff } }, { _id: 1 })
    .limit(1000)
    .lean();
  const line: HistoryLine = {
    at: now,
    by: null,
    kind: 'returned',
    channel: 'other',
    note: `no follow-up for ${idleDays} days`,
  };
  const returned: CustomerDoc[] = [];
  for (const c of idle) {
    const result = await toPool(c._id, now, (doc) =>
      doc.ownerId && doc.activeAt < cutoff
        ? { ownerId: null, nextFollowUpAt: null, activeAt: now, recent: withLine(doc.recent, line) }
        : 'not_idle',
    );
    if (!result.ok || !result.before.ownerId) continue;
    await recordMove(result, line, now);
    await notify(String(result.before.ownerId), result.doc);
    returned.push(result.doc);
  }
  return returned;
}

/**
 * `Flow.onEmployeeLeft`: everything the leaver owned goes back to the pool, with the reason on
 * each customer's history, for colleagues to claim.
 */
export async function returnCustomersOf(employeeId: string, now: Date): Promise<CustomerDoc[]> {
  const leaver = oid(employeeId);
  const line: HistoryLine = { at: now, by: null, kind: 'returned', channel: 'other', note: LEFT_NOTE };
  const returned: CustomerDoc[] = [];
  for (const c of await ownedBy(leaver)) {
    const result = await toPool(c._id, now, (doc) =>
      doc.ownerId?.equals(leaver)
        ? { ownerId: null, nextFollowUpAt: null, activeAt: now, recent: withLine(doc.recent, line) }
        : 'not_owner',
    );
    if (!result.ok) continue;
    await recordMove(result, line, now);
    returned.push(result.doc);
  }
  return returned;
}

const LEFT_NOTE = '负责人已离职，退回公海 / owner left the company, back to the pool';
