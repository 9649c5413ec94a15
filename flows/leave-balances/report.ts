import { readDirectory } from '../org/api.js';
import { balancesOfEveryone, ledgersByEmployee } from './everyone.js';
import type { LeavePolicy } from './policy.js';

export const CSV_HEADER = [
  'employee',
  'email',
  'department',
  'kind',
  'year',
  'as_of',
  'entitlement',
  'accrued',
  'adjusted',
  'carried_in',
  'carried_used',
  'carried_expired',
  'carried_expiring',
  'carried_expires_on',
  'taken',
  'pending',
  'available',
];

/** Every active employee's balances of every kind, one row each, as the CSV export writes them. */
export async function balanceRows(policy: LeavePolicy, year: number, asOf: string): Promise<string[][]> {
  const people = (await readDirectory()).everyone();
  const ids = people.map((p) => String(p._id));
  const balances = balancesOfEveryone(policy, year, asOf, ids, await ledgersByEmployee(policy, year));
  return people.flatMap((p) =>
    (balances.get(String(p._id)) ?? []).map((b) => [
      p.name,
      p.email,
      p.department,
      b.kind,
      String(year),
      asOf,
      ...[b.entitlement, b.accrued, b.adjusted, b.carriedIn, b.carriedUsed, b.expired, b.expiring].map(
        String,
      ),
      b.expiresOn ?? '',
      ...[b.taken, b.pending, b.available].map(String),
    ]),
  );
}
