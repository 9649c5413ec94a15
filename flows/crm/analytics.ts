import mongoose from 'mongoose';
import { Customer } from '../../db/models/customer.js';
import type { Person } from '../../src/bot/types.js';
import { namesOf } from '../org/service.js';

export const DIMENSIONS = ['city', 'age', 'industry', 'stage', 'owner'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
const FIELD: Record<Dimension, string> = {
  city: '$city',
  age: '$ageBand',
  industry: '$industry',
  stage: '$stage',
  owner: '$ownerId',
};

export type Row = { key: string; count: number; share: number };
export type Breakdown = { by: Dimension; total: number; rows: Row[] };

/**
 * Counts customers per value of one dimension, in the database: `$group` + `$sum` only (the
 * embedded store has no `$facet`/`$bucket`/`$cond`; ages are grouped by the stored band).
 * `scope` limits it to one owner's customers; omitted = the whole company.
 */
export async function customerBreakdown(by: Dimension, scope?: { ownerId: string }): Promise<Breakdown> {
  const match = scope ? [{ $match: { ownerId: new mongoose.Types.ObjectId(scope.ownerId) } }] : [];
  const groups: { _id: unknown; n: number }[] = await Customer.aggregate([
    ...match,
    { $group: { _id: FIELD[by], n: { $sum: 1 } } },
    { $sort: { n: -1 } },
  ]);
  const total = groups.reduce((sum, g) => sum + g.n, 0);
  const names = by === 'owner' ? await namesOf(groups.map((g) => g._id as mongoose.Types.ObjectId)) : null;
  const label = (id: unknown) => (id ? (names?.get(String(id)) ?? String(id)) : '');
  const rows = groups
    .map((g) => ({ key: label(g._id), count: g.n, share: total ? g.n / total : 0 }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return { by, total, rows };
}

/** Whose customers a person's analytics cover: admins and managers the company, sales their own. */
export function analyticsScope(p: Person): { ownerId: string } | undefined {
  return p.roles.includes('admin') || p.roles.includes('manager') ? undefined : { ownerId: p.id };
}
