import { LeaveYear, type LeaveYearDoc } from '../../db/models/leave-year.js';
import type { YearBalance } from './accrual.js';
import { balancesFrom } from './ledger.js';
import type { LeavePolicy } from './policy.js';

/** Ledgers read for a company-wide view at most, so a report's memory stays bounded. */
const MAX_LEDGERS = 200_000;

/**
 * Every ledger of the years that decide `year`'s balances, by employee: one read of those
 * years for the whole company. For reports and the digest only (it scans the collection on the
 * embedded store), never on a chat turn.
 */
export async function ledgersByEmployee(
  policy: LeavePolicy,
  year: number,
): Promise<Map<string, Map<number, LeaveYearDoc>>> {
  const docs = await LeaveYear.find({ year: { $gte: Math.max(policy.startYear, year - 10), $lte: year } })
    .limit(MAX_LEDGERS)
    .lean<LeaveYearDoc[]>();
  const out = new Map<string, Map<number, LeaveYearDoc>>();
  for (const d of docs) {
    const mine = out.get(d.employeeId) ?? new Map<number, LeaveYearDoc>();
    mine.set(d.year, d);
    out.set(d.employeeId, mine);
  }
  return out;
}

/** Balances of each of `employeeIds` as of `asOf`, from ledgers read once (`ledgersByEmployee`). */
export function balancesOfEveryone(
  policy: LeavePolicy,
  year: number,
  asOf: string,
  employeeIds: string[],
  ledgers: Map<string, Map<number, LeaveYearDoc>>,
): Map<string, YearBalance[]> {
  return new Map(
    employeeIds.map((id) => [id, balancesFrom(policy, year, asOf, ledgers.get(id) ?? new Map())]),
  );
}
