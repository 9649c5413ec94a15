import mongoose from 'mongoose';
import { withLock } from '../../db/claims.js';
import { Customer, type CustomerDoc } from '../../db/models/customer.js';
import { FollowUp } from '../../db/models/follow-up.js';
import { type Changed as Changed_, changeVersioned, type Refused as Refused_ } from '../../db/versioned.js';
import type { Person } from '../../src/bot/types.js';
import { CRM_CONFIG } from './config.js';

type Id = mongoose.Types.ObjectId;
const oid = (id: string) => new mongoose.Types.ObjectId(id);

export type Refusal = 'taken' | 'not_owner' | 'not_idle';
export type Changed = Changed_<CustomerDoc>;
export type Refused = Refused_<CustomerDoc, Refusal>;
export type Full = { ok: false; full: number };

export const changeCustomer = (
  id: Id,
  change: (doc: CustomerDoc) => Record<string, unknown> | Refusal,
  now: Date,
) => changeVersioned<CustomerDoc, Refusal>(Customer, 'customer', id, change, now);

/**
 * Runs `fn` only while `owner` is under the per-owner maximum. A per-owner lock serialises the
 * count and the write, so two claims at once cannot both take the last free place.
 */
export async function withOwnerSlot<T>(owner: Id, now: Date, fn: () => Promise<T>): Promise<T | Full> {
  return withLock(`crm-owner:${owner}`, now, async () => {
    const owned = await Customer.countDocuments({ ownerId: owner });
    if (owned >= CRM_CONFIG.maxCustomersPerOwner) return { ok: false as const, full: owned };
    return fn();
  });
}

/** Takes a pool customer. Of two people claiming at once, one owns it; the other is refused with the doc. */
export async function claimCustomer(id: Id, person: Person, now: Date): Promise<Changed | Refused | Full> {
  const me = oid(person.id);
  const result = await withOwnerSlot(me, now, () =>
    changeCustomer(id, (doc) => (doc.ownerId ? 'taken' : { ownerId: me, activeAt: now }), now),
  );
  if (result.ok) await FollowUp.create({ customerId: id, by: me, at: now, kind: 'claimed' });
  return result;
}

/** Gives an owned customer back to the pool, with the reason on its history. */
export async function releaseCustomer(
  id: Id,
  person: Person,
  reason: string,
  now: Date,
): Promise<Changed | Refused> {
  const me = oid(person.id);
  const admin = person.roles.includes('admin');
  const result = await changeCustomer(
    id,
    (doc) =>
      !doc.ownerId || (!doc.ownerId.equals(me) && !admin)
        ? 'not_owner'
        : { ownerId: null, nextFollowUpAt: null, activeAt: now },
    now,
  );
  if (result.ok) await FollowUp.create({ customerId: id, by: me, at: now, kind: 'released', note: reason });
  return result;
}

/**
 * The idle-customer job: owned customers with no follow-up (nor claim) for `idleDays` go back to
 * the pool and their former owner is told. Idempotent: a customer returned once is no longer owned.
 * Scheduling (agenda) is wired by the jobs issue; this is the function it calls.
 */
export async function returnIdleCustomers(
  now: Date,
  notify: (formerOwnerId: string, customer: CustomerDoc) => Promise<void>,
  idleDays = CRM_CONFIG.idleDays,
): Promise<CustomerDoc[]> {
  const cutoff = new Date(now.getTime() - idleDays * 86_400_000);
  const idle = await Customer.find({ ownerId: { $ne: null }, activeAt: { $lt: cutoff } })
    .limit(1000)
    .lean<CustomerDoc[]>();
  const returned: CustomerDoc[] = [];
  for (const c of idle) {
    const result = await changeCustomer(
      c._id,
      (doc) =>
        doc.ownerId && doc.activeAt < cutoff
          ? { ownerId: null, nextFollowUpAt: null, activeAt: now }
          : 'not_idle',
      now,
    );
    if (!result.ok || !result.before.ownerId) continue;
    const note = `no follow-up for ${idleDays} days`;
    await FollowUp.create({ customerId: c._id, by: null, at: now, kind: 'returned', note });
    await notify(String(result.before.ownerId), result.doc);
    returned.push(result.doc);
  }
  return returned;
}
