import type { LeaveEntry } from '../../db/models/leave-year.js';
import type { LeaveTypePolicy } from './policy.js';

/** One kind of leave in one year, as of a date: everything a balance card or report shows. */
export type YearBalance = {
  year: number;
  kind: string;
  entitlement: number;
  /** Earned so far this year (monthly: a twelfth per month begun). */
  accrued: number;
  /** HR's opening balances and corrections, ±. */
  adjusted: number;
  carriedIn: number;
  /** Of the carried days, how many leave has used. */
  carriedUsed: number;
  /** Carried days gone unused past their expiry (0 before it). */
  expired: number;
  /** The last day carried days can be used; null when they last the year or none carried. */
  expiresOn: string | null;
  /** Carried days still there and not yet used, that will expire on `expiresOn`. */
  expiring: number;
  /** Approved leave (restored requests count nothing). */
  taken: number;
  /** Leave filed and still waiting for approval: held against the balance. */
  pending: number;
  available: number;
};

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Requests of one kind in a year's ledger, each revision of a request on its own (a resubmission
 * restores the one before it), by their latest event: restored ones are left out.
 */
export function requestsIn(entries: readonly LeaveEntry[], kind: string) {
  const byRevision = new Map<string, { days: number; date: string; taken: boolean; restored: boolean }>();
  for (const e of entries) {
    if (e.kind !== kind || e.event === 'adjust') continue;
    const id = `${e.no}#${e.rev ?? 1}`;
    const r = byRevision.get(id) ?? { days: e.days, date: e.date, taken: false, restored: false };
    if (e.event === 'deduct') Object.assign(r, { days: e.days, date: e.date, taken: true });
    if (e.event === 'restore') r.restored = true;
    byRevision.set(id, r);
  }
  return [...byRevision.values()].filter((r) => !r.restored);
}

/** Earned by `asOf` (an ISO date) in `year`: nothing before it starts, all of it after it ends. */
export function accruedBy(p: LeaveTypePolicy, year: number, asOf: string): number {
  if (asOf < `${year}-01-01`) return 0;
  if (asOf > `${year}-12-31` || p.accrual === 'yearly') return p.entitlement;
  const monthsBegun = Number(asOf.slice(5, 7));
  return round((p.entitlement * monthsBegun) / 12);
}

/**
 * The balance of one kind in `year` as of `asOf`, from the policy, that year's ledger and what
 * the year before carried in. Leave uses carried days first, as long as it starts by their expiry.
 */
export function yearBalance(
  p: LeaveTypePolicy,
  kind: string,
  year: number,
  asOf: string,
  entries: readonly LeaveEntry[],
  carriedIn: number,
): YearBalance {
  const requests = requestsIn(entries, kind);
  const sum = (rs: typeof requests) => round(rs.reduce((n, r) => n + r.days, 0));
  const taken = sum(requests.filter((r) => r.taken));
  const pending = sum(requests.filter((r) => !r.taken));
  const expiresOn = carriedIn > 0 && p.carryOverExpires ? `${year}-${p.carryOverExpires}` : null;
  const usedInTime = expiresOn ? sum(requests.filter((r) => r.date <= expiresOn)) : taken + pending;
  const carriedUsed = Math.min(carriedIn, usedInTime);
  const unusedCarried = round(carriedIn - carriedUsed);
  const gone = expiresOn !== null && asOf > expiresOn;
  const expired = gone ? unusedCarried : 0;
  const accrued = accruedBy(p, year, asOf);
  const adjusted = round(
    entries.filter((e) => e.kind === kind && e.event === 'adjust').reduce((n, e) => n + e.days, 0),
  );
  return {
    year,
    kind,
    entitlement: p.entitlement,
    accrued,
    adjusted,
    carriedIn,
    carriedUsed,
    expired,
    expiresOn,
    expiring: expiresOn && !gone ? unusedCarried : 0,
    taken,
    pending,
    available: round(accrued + adjusted + carriedIn - expired - taken - pending),
  };
}

/**
 * What `year` carries into the next: its own unused days, adjustments included (carried ones
 * never carry twice), up to the cap. Judged on the whole year's entitlement, whatever the accrual.
 */
export function carryOut(
  p: LeaveTypePolicy,
  kind: string,
  year: number,
  entries: readonly LeaveEntry[],
  carriedIn: number,
): number {
  if (p.carryOverCap === 0) return 0;
  const b = yearBalance(p, kind, year, `${year}-12-31`, entries, carriedIn);
  const ownUsed = b.taken + b.pending - b.carriedUsed;
  return round(Math.min(p.carryOverCap, Math.max(0, p.entitlement + b.adjusted - ownUsed)));
}
