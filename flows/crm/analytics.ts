import mongoose from 'mongoose';
import type { Person } from '../../src/bot/types.js';
import { namesOf } from '../org/api.js';
import { countAll, type Dimension, readCounts } from './counts.js';
import { ownedBy } from './ownership.js';

export { DIMENSIONS, type Dimension } from './counts.js';

export type Row = { key: string; count: number; share: number };
export type Breakdown = { by: Dimension; total: number; rows: Row[] };

/**
 * Counts customers per value of one dimension (ages by their stored band). The company's counts
 * are kept on every write (flows/crm/counts.ts): one point read at any size. `scope` limits it to
 * one owner's customers, counted from their list (at most the per-owner maximum, read by `_id`).
 */
export async function customerBreakdown(by: Dimension, scope?: { ownerId: string }): Promise<Breakdown> {
  const counts = scope
    ? countAll(await ownedBy(new mongoose.Types.ObjectId(scope.ownerId)))[by]
    : await readCounts(by);
  // a customer never released nor lost has no reason: not a row of the reasons' breakdown
  const groups = [...counts].filter(([value]) => by !== 'lost_reason' || value !== '');
  const total = groups.reduce((sum, [, n]) => sum + n, 0);
  const owners =
    by === 'owner' ? groups.flatMap(([id]) => (id ? [new mongoose.Types.ObjectId(id)] : [])) : [];
  const names = by === 'owner' ? await namesOf(owners) : null;
  const label = (id: string) => (id ? (names?.get(id) ?? id) : '');
  const rows = groups
    .map(([value, n]) => ({ key: label(value), count: n, share: total ? n / total : 0 }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return { by, total, rows };
}

/** Whose customers a person's analytics cover: admins and managers the company, sales their own. */
export function analyticsScope(p: Person): { ownerId: string } | undefined {
  return p.roles.includes('admin') || p.roles.includes('manager') ? undefined : { ownerId: p.id };
}
