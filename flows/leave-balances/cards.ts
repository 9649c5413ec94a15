import { tr } from '../../src/bot/i18n.js';
import type { Card, Locale } from '../../src/bot/types.js';
import type { YearBalance } from './accrual.js';
import type { LeavePolicy } from './policy.js';
import { amount, t } from './text.js';

/** One kind's balance in a line: what is left, and how it came to be. */
export function balanceLine(b: YearBalance, policy: LeavePolicy, locale: Locale): string {
  const p = policy.types[b.kind];
  const show = (n: number) => amount(n, p?.unit ?? 'days', policy.hoursPerDay, locale);
  const main = tr(locale, t.line, {
    available: show(b.available),
    accrued: show(b.accrued),
    carried: show(b.carriedIn),
    taken: show(b.taken),
    pending: show(b.pending),
  });
  const expiring =
    b.expiring > 0 ? tr(locale, t.expiring, { n: show(b.expiring), date: b.expiresOn ?? '' }) : '';
  const expired = b.expired > 0 ? tr(locale, t.expired, { n: show(b.expired) }) : '';
  const adjusted = b.adjusted !== 0 ? tr(locale, t.adjusted, { n: show(b.adjusted) }) : '';
  return main + adjusted + expiring + expired;
}

const kindLabel = (kind: string, policy: LeavePolicy, locale: Locale) => {
  const label = policy.types[kind]?.label;
  return label ? tr(locale, label) : kind;
};

/** One person's balances of every kind with one. */
export function balanceCard(
  name: string,
  year: number,
  balances: YearBalance[],
  policy: LeavePolicy,
  locale: Locale,
): Card {
  return {
    title: tr(locale, t.title, { name, year }),
    fields: balances.map((b) => [kindLabel(b.kind, policy, locale), balanceLine(b, policy, locale)]),
    ...(balances.length === 0 ? { body: tr(locale, t.none) } : {}),
    actions: [],
  };
}

/** A manager's reports: what each has left, kind by kind. */
export function teamCard(
  year: number,
  rows: { name: string; balances: YearBalance[] }[],
  policy: LeavePolicy,
  locale: Locale,
): Card {
  return {
    title: tr(locale, t.teamTitle, { year }),
    fields: rows.map(({ name, balances }) => [
      name,
      balances
        .map(
          (b) =>
            `${kindLabel(b.kind, policy, locale)} ${amount(b.available, policy.types[b.kind]?.unit ?? 'days', policy.hoursPerDay, locale)}`,
        )
        .join(' · '),
    ]),
    ...(rows.length === 0 ? { body: tr(locale, t.noTeam) } : {}),
    actions: [],
  };
}
