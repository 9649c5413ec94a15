import type mongoose from 'mongoose';
import { type FeedChange, RELOAD } from '../../db/change-feed.js';
import { Customer, nameKeyOf } from '../../db/models/customer.js';
import { createSyncedCache } from '../../db/synced-cache.js';
import type { CacheSpec } from '../../src/bot/flow.js';
import { type DuplicateKeys, duplicateKeysOf, type Match, matchOf } from './duplicates.js';

type Id = mongoose.Types.ObjectId;
export type NameEntry = { id: Id; name: string; key: string; ownerId: Id | null; dup: DuplicateKeys };
/** Every customer by id, in the order first seen (the pool lists the earliest first). */
type Names = Map<string, NameEntry>;

/**
 * Every customer's name and owner in memory, for what a point read cannot answer: a name that
 * only contains what was typed ("星河" → 星河电子, 星河物流) and the pool. On the embedded store a
 * `$regex` on names reads the whole collection (100k customers: seconds); here it is a loop over
 * strings. Kept current across instances by a change feed like the directory
 * (db/synced-cache.ts): a customer created or changing hands on another instance is found here
 * within REFRESH_EVERY_MS. Exact names never wait for that: they go through the name pointer.
 */
const CUSTOMER = 'customer';
const projection = { name: 1, nameKey: 1, ownerId: 1, phone: 1, email: 1 };
type Row = {
  _id: Id;
  name: string;
  nameKey: string;
  ownerId?: Id | null;
  phone?: string | null;
  email?: string | null;
};

function put(names: Names, row: Row): void {
  names.set(String(row._id), {
    id: row._id,
    name: row.name,
    key: row.nameKey,
    ownerId: row.ownerId ?? null,
    dup: duplicateKeysOf(row),
  });
}

async function load(): Promise<Names> {
  const names: Names = new Map();
  for (const row of await Customer.find({}, projection).lean<Row[]>()) put(names, row);
  return names;
}

async function apply(names: Names, change: FeedChange): Promise<void> {
  if (change.kind !== CUSTOMER) return;
  const row = await Customer.findById(change.key, projection).lean<Row>();
  if (row) put(names, row);
  else names.delete(change.key);
}

const cache = createSyncedCache<Names>({ feed: 'customers', load, apply });

export const customerNamesCache: CacheSpec = { name: 'customer-names', start: cache.start, stop: cache.stop };

/** Every write that creates a customer or changes its owner announces it, after the write. */
export const customerNameWrites = {
  saved: (row: Row, at: Date) =>
    cache.publish({ kind: CUSTOMER, key: String(row._id) }, at, (names) => put(names, row)),
  /** After a batch (an import, the demo, a repair): every instance re-reads all names. */
  manySaved: (at: Date) => cache.publish(RELOAD, at),
};

/** Customers whose folded name contains the folded `fragment`, at most `limit`, earliest first. */
export async function namesContaining(fragment: string, limit: number): Promise<NameEntry[]> {
  const key = nameKeyOf(fragment);
  const found: NameEntry[] = [];
  for (const entry of (await cache.read()).values()) {
    if (!entry.key.includes(key)) continue;
    found.push(entry);
    if (found.length >= limit) break;
  }
  return found;
}

/** Customers in the pool, at most `limit`, earliest first. */
export async function poolNames(limit: number): Promise<NameEntry[]> {
  const found: NameEntry[] = [];
  for (const entry of (await cache.read()).values()) {
    if (entry.ownerId) continue;
    found.push(entry);
    if (found.length >= limit) break;
  }
  return found;
}

/**
 * Customers, in the pool or anyone's, that look like `keys`: the same folded name first, then the
 * same phone or e-mail. From memory, so the check costs no collection scan at any size.
 */
export async function lookalikes(keys: DuplicateKeys, limit = 5): Promise<(NameEntry & { match: Match })[]> {
  const found: (NameEntry & { match: Match })[] = [];
  for (const entry of (await cache.read()).values()) {
    const match = matchOf(keys, entry.dup);
    if (match) found.push({ ...entry, match });
  }
  const rank = { name: 0, phone: 1, email: 2 };
  return found.sort((a, b) => rank[a.match] - rank[b.match]).slice(0, limit);
}

/** Every customer by its folded core name (flows/crm/duplicates.ts), for checking a whole import at once. */
export async function byCoreName(): Promise<Map<string, NameEntry>> {
  const found = new Map<string, NameEntry>();
  for (const entry of (await cache.read()).values()) if (entry.dup.core) found.set(entry.dup.core, entry);
  return found;
}
