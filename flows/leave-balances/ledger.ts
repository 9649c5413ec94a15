import { type LeaveEvent, LeaveYear, type LeaveYearDoc, leaveYearKey } from '../../db/models/leave-year.js';
import { findByIds } from '../../db/point-reads.js';
import { changeVersioned } from '../../db/versioned.js';
import { carryOut, type YearBalance, yearBalance } from './accrual.js';
import type { LeavePolicy } from './policy.js';

/** Years read back for carry-over at most: older ledgers cannot change what carries now. */
const MAX_YEARS_BACK = 10;

/** A request's working days in one year, and the first of its days there. */
export type YearPart = { year: number; days: number; date: string };

/** The ledger years that decide `year`'s balances: from the policy's start (or a bounded window). */
function yearsUpTo(policy: LeavePolicy, year: number): number[] {
  const first = Math.max(policy.startYear, year - MAX_YEARS_BACK);
  return Array.from({ length: Math.max(0, year - first + 1) }, (_, i) => first + i);
}

/** One person's ledgers for those years: a point read each, none for a year never written. */
export async function readLedgers(employeeId: string, years: number[]): Promise<Map<number, LeaveYearDoc>> {
  const docs = await findByIds<LeaveYearDoc>(
    LeaveYear,
    years.map((y) => leaveYearKey(employeeId, y)),
  );
  return new Map([...docs.values()].map((d) => [d.year, d]));
}

/**
 * Every kind's balance in `year` as of `asOf`, from ledgers already read (`ledgers` by year).
 * Carry-over is worked out forward from the policy's first year, so it needs no job to have run.
 */
export function balancesFrom(
  policy: LeavePolicy,
  year: number,
  asOf: string,
  ledgers: Map<number, LeaveYearDoc>,
): YearBalance[] {
  if (year < policy.startYear) return [];
  return Object.entries(policy.types).map(([kind, p]) => {
    let carried = 0;
    for (const y of yearsUpTo(policy, year - 1)) {
      carried = carryOut(p, kind, y, ledgers.get(y)?.entries ?? [], carried);
    }
    return yearBalance(p, kind, year, asOf, ledgers.get(year)?.entries ?? [], carried);
  });
}

/**
 * One person's balances of every kind in `year` as of `asOf`. `without`: a request number whose
 * events are left out, as if it had never been filed (a resubmission is checked without its own hold).
 */
export async function balancesOf(
  policy: LeavePolicy,
  employeeId: string,
  year: number,
  asOf: string,
  without?: string,
): Promise<YearBalance[]> {
  const ledgers = await readLedgers(employeeId, yearsUpTo(policy, year));
  if (without)
    for (const [y, doc] of ledgers)
      ledgers.set(y, { ...doc, entries: doc.entries.filter((e) => e.no !== without) });
  return balancesFrom(policy, year, asOf, ledgers);
}

/** A request's event as the ledger keys it; revision 1 (as filed) keeps the key it always had. */
const eventKey = (no: string, revision: number, kind: string, event: LeaveEvent) =>
  revision > 1 ? `${no}:r${revision}:${kind}:${event}` : `${no}:${kind}:${event}`;

/**
 * Writes one event of a request (of its `revision`, 1 when not given) into each year it touches,
 * once: its key already there means a retry, and nothing is written (safe after a crash half-way).
 */
export async function recordEvent(
  input: {
    employeeId: string;
    no: string;
    revision?: number;
    kind: string;
    event: LeaveEvent;
    parts: YearPart[];
  },
  at: Date,
): Promise<void> {
  const rev = input.revision ?? 1;
  const key = eventKey(input.no, rev, input.kind, input.event);
  for (const part of input.parts) {
    const id = leaveYearKey(input.employeeId, part.year);
    await changeVersioned<LeaveYearDoc, 'unchanged'>(
      LeaveYear,
      'leave-year',
      id,
      (doc) =>
        doc.entries.some((e) => e.key === key)
          ? 'unchanged'
          : {
              entries: [
                ...doc.entries,
                {
                  key,
                  no: input.no,
                  rev,
                  kind: input.kind,
                  event: input.event,
                  days: part.days,
                  date: part.date,
                  at,
                },
              ],
            },
      at,
      {
        initial: () => ({
          _id: id,
          employeeId: input.employeeId,
          year: part.year,
          entries: [],
          version: 0,
          updatedAt: null,
        }),
      },
    );
  }
}
