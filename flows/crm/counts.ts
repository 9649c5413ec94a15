import { withLock } from '../../db/claims.js';
import type { CustomerDoc } from '../../db/models/customer.js';
import { CustomerCounts } from '../../db/models/customer-counts.js';

export const DIMENSIONS = ['city', 'age', 'industry', 'stage', 'owner', 'lost_reason'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type Counted = Pick<CustomerDoc, 'city' | 'ageBand' | 'industry' | 'stage' | 'ownerId'> & {
  lostReason?: string | null;
};
export type CountChange = Record<string, number>;

const COMPANY = 'company';
/** The embedded store loses one of two concurrent `$inc`s on one document: writers take turns. */
const LOCK = 'crm-counts';

/** The value a customer counts under, per dimension ('' = not set, or the pool for owner). */
const countedAs: Record<Dimension, (c: Counted) => string> = {
  city: (c) => c.city ?? '',
  age: (c) => c.ageBand ?? '',
  industry: (c) => c.industry ?? '',
  stage: (c) => c.stage,
  owner: (c) => (c.ownerId ? String(c.ownerId) : ''),
  // the latest release/loss reason; '' (never released nor lost) is left out of its breakdown
  lost_reason: (c) => c.lostReason ?? '',
};

// a field name may hold neither '.' nor a leading '$', and may not be empty: escape, and prefix
const fieldOf = (value: string) =>
  `v${value.replace(/[%.$]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;
const valueOfField = (field: string) =>
  field
    .slice(1)
    .replace(/%([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/** What moving one customer from `before` to `after` does to the counts (null = not there). */
export function countChange(before: Counted | null, after: Counted | null): CountChange {
  const inc: CountChange = {};
  for (const by of DIMENSIONS) {
    const move = (c: Counted | null, n: number) => {
      if (!c) return;
      const path = `${by}.${fieldOf(countedAs[by](c))}`;
      inc[path] = (inc[path] ?? 0) + n;
    };
    move(before, -1);
    move(after, 1);
  }
  for (const [path, n] of Object.entries(inc)) if (n === 0) delete inc[path];
  return inc;
}

/** Adds up the changes of many customers (an import). */
export function sumChanges(changes: CountChange[]): CountChange {
  const sum: CountChange = {};
  for (const change of changes)
    for (const [path, n] of Object.entries(change)) sum[path] = (sum[path] ?? 0) + n;
  return sum;
}

/**
 * Applies a change to the company's counts, after the write it describes. A crash in between
 * leaves them off by that one write until the recount (flows/crm/recount.ts) repairs them.
 */
export async function recordCounts(change: CountChange, now: Date): Promise<void> {
  if (Object.keys(change).length === 0) return;
  await withLock(LOCK, now, () =>
    CustomerCounts.updateOne({ _id: COMPANY }, { $inc: change }, { upsert: true }),
  );
}

/** Value → count of one dimension, company-wide, values without customers left out. */
export async function readCounts(by: Dimension): Promise<Map<string, number>> {
  const doc = await CustomerCounts.findById(COMPANY, { [by]: 1 }).lean<
    Record<string, Record<string, number>>
  >();
  return new Map(
    Object.entries(doc?.[by] ?? {})
      .filter(([, n]) => n > 0)
      .map(([field, n]) => [valueOfField(field), n]),
  );
}

/** Counts customers in memory, per dimension (the recount; one person's own customers). */
export function countAll(customers: Counted[]): Record<Dimension, Map<string, number>> {
  const counts = Object.fromEntries(DIMENSIONS.map((by) => [by, new Map<string, number>()])) as Record<
    Dimension,
    Map<string, number>
  >;
  for (const c of customers)
    for (const by of DIMENSIONS) {
      const value = countedAs[by](c);
      counts[by].set(value, (counts[by].get(value) ?? 0) + 1);
    }
  return counts;
}

/** Replaces the company's counts with a recount's. */
export async function replaceCounts(
  counts: Record<Dimension, Map<string, number>>,
  now: Date,
): Promise<void> {
  const set = Object.fromEntries(
    DIMENSIONS.map((by) => [by, Object.fromEntries([...counts[by]].map(([v, n]) => [fieldOf(v), n]))]),
  );
  await withLock(LOCK, now, () => CustomerCounts.replaceOne({ _id: COMPANY }, set, { upsert: true }));
}
