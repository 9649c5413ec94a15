import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { tr } from '../../src/bot/i18n.js';
import type { Locale, Person } from '../../src/bot/types.js';
import { AppError } from '../../src/errors.js';
import { countWorkdays } from '../attendance/api.js';
import { managesUp } from '../org/api.js';
import type { YearBalance } from './accrual.js';
import { balancesOf, recordEvent, type YearPart } from './ledger.js';
import { type LeavePolicy, readLeavePolicy } from './policy.js';
import { amount, t } from './text.js';

type Half = 'am' | 'pm';
export type LeaveAsked = {
  employeeId: string;
  kind: string;
  from: string;
  to: string;
  fromHalf?: Half;
  toHalf?: Half;
  /** Working days of the whole request, already counted. */
  days: number;
  /** The requester's local date: balances are as of today (or 1 January of a later year). */
  today: string;
  /** A request sent back and now resubmitted: checked without its own hold, which it replaces. */
  resubmitting?: { no: string; revision: number };
};

/**
 * What a leave request does to its kind's balance, kept with the request: the hooks write
 * exactly these days, whatever the calendar or policy says later.
 */
export type BalanceRecord = {
  /** The request's revision these days belong to (absent: 1, as filed). */
  revision?: number;
  kind: string;
  label: { 'zh-CN': string; en: string };
  parts: (YearPart & { before: number; after: number })[];
  extraStep: boolean;
  unit: 'days' | 'hours';
  hoursPerDay: number;
};

/** The request's working days per calendar year (leave over New Year draws on two balances). */
async function splitByYear(a: LeaveAsked): Promise<YearPart[]> {
  const first = Number(a.from.slice(0, 4));
  const last = Number(a.to.slice(0, 4));
  if (first === last) return [{ year: first, days: a.days, date: a.from }];
  const parts: YearPart[] = [];
  for (let year = first; year <= last; year++) {
    const from = year === first ? a.from : `${year}-01-01`;
    const to = year === last ? a.to : `${year}-12-31`;
    const days = await countWorkdays(
      a.employeeId,
      from,
      to,
      year === first ? a.fromHalf : undefined,
      year === last ? a.toHalf : undefined,
    );
    if (days > 0) parts.push({ year, days, date: from });
  }
  return parts;
}

/**
 * The balance before and after a leave request; null for a kind without a balance. Refuses with
 * an `AppError` (nothing written) when the policy says a balance may not go below zero.
 */
export async function checkLeaveBalance(a: LeaveAsked): Promise<BalanceRecord | null> {
  const policy = await readLeavePolicy();
  const p = policy.types[a.kind];
  if (!p) return null;
  const parts = (await splitByYear(a)).filter((part) => part.year >= policy.startYear);
  if (parts.length === 0) return null;
  const checked = await Promise.all(
    parts.map(async (part) => {
      const asOf = a.today > `${part.year}-01-01` ? a.today : `${part.year}-01-01`;
      const balances = await balancesOf(policy, a.employeeId, part.year, asOf, a.resubmitting?.no);
      const b = balances.find((x) => x.kind === a.kind);
      const before = b?.available ?? 0;
      return { ...part, before, after: Math.round((before - part.days) * 100) / 100 };
    }),
  );
  const record: BalanceRecord = {
    ...(a.resubmitting ? { revision: a.resubmitting.revision } : {}),
    kind: a.kind,
    label: p.label,
    parts: checked,
    extraStep: false,
    unit: p.unit,
    hoursPerDay: policy.hoursPerDay,
  };
  const short = checked.find((c) => c.after < 0);
  if (short && p.whenNegative === 'refuse') {
    const say = (locale: Locale) =>
      tr(locale, t.refused, {
        label: tr(locale, p.label),
        before: amount(short.before, p.unit, policy.hoursPerDay, locale),
        days: amount(short.days, p.unit, policy.hoursPerDay, locale),
        after: amount(short.after, p.unit, policy.hoursPerDay, locale),
      });
    throw new AppError('leave.balance_short', 'leave over the balance', {
      'zh-CN': say('zh-CN'),
      en: say('en'),
    });
  }
  return { ...record, extraStep: short !== undefined };
}

/** The balance lines a leave request's card shows ("年假余额 2026: 8 天 → 5 天"). */
export function describeBalance(r: BalanceRecord, locale: Locale): [string, string][] {
  const show = (n: number) => amount(n, r.unit, r.hoursPerDay, locale);
  return r.parts.map((part) => [
    `${tr(locale, t.balance, { label: tr(locale, r.label) })}${r.parts.length > 1 ? ` ${part.year}` : ''}`,
    tr(locale, t.beforeAfter, { before: show(part.before), after: show(part.after) }) +
      (part.after < 0 && r.extraStep ? tr(locale, t.overdrawn) : ''),
  ]);
}

export type LeaveHookInput = { no: string; employeeId: string; balance: BalanceRecord };
const record = (event: 'hold' | 'deduct' | 'restore') => (h: LeaveHookInput, at: Date) =>
  recordEvent(
    {
      employeeId: h.employeeId,
      no: h.no,
      revision: h.balance.revision,
      kind: h.balance.kind,
      event,
      parts: h.balance.parts,
    },
    at,
  );

/** Filed: its days are held against the balance while it waits. */
export const holdLeave = record('hold');
/** Approved: its days are taken. */
export const deductLeave = record('deduct');
/** Rejected or withdrawn: its days come back. */
export const restoreLeave = record('restore');

/**
 * Resubmitted with edited days: the new revision's days are held and the old revision's come
 * back (either may be missing, when its kind had no balance). Held first, so that a crash
 * between the two writes leaves too much held rather than too little; a retry writes nothing twice.
 */
export async function moveLeaveHold(
  h: { no: string; employeeId: string; from?: BalanceRecord; to?: BalanceRecord },
  at: Date,
): Promise<void> {
  if (h.to) await holdLeave({ no: h.no, employeeId: h.employeeId, balance: h.to }, at);
  if (h.from) await restoreLeave({ no: h.no, employeeId: h.employeeId, balance: h.from }, at);
}

/** Own balance; managers their reports' (down the line); HR and admins anyone's. */
export async function maySee(viewer: Person, employeeId: string): Promise<boolean> {
  if (viewer.id === employeeId || viewer.roles.includes('hr') || viewer.roles.includes('admin')) return true;
  return managesUp(new mongoose.Types.ObjectId(employeeId), new mongoose.Types.ObjectId(viewer.id));
}

/** Someone's balances of every kind in `year`, as of `today` (a past year: its end; a later one: its start). */
export async function balancesFor(
  employeeId: string,
  year: number,
  today: string,
  known?: LeavePolicy,
): Promise<{ policy: LeavePolicy; balances: YearBalance[] }> {
  const policy = known ?? (await readLeavePolicy());
  const thisYear = DateTime.fromISO(today).year;
  const asOf = year === thisYear ? today : year < thisYear ? `${year}-12-31` : `${year}-01-01`;
  return { policy, balances: await balancesOf(policy, employeeId, year, asOf) };
}
