import { DateTime } from 'luxon';
import type { DigestSection, DigestSectionSpec, RunContext } from '../../src/bot/digest.js';
import { tr } from '../../src/bot/i18n.js';
import type { YearBalance } from './accrual.js';
import { balancesOfEveryone, ledgersByEmployee } from './everyone.js';
import { readLeavePolicy } from './policy.js';
import { amount, t } from './text.js';

/**
 * HR and admins: carried-over days that lapse within the policy's warning window, soonest first,
 * so people can be told to take them. One read of the year's ledgers per run.
 */
async function expiringBalances(ctx: RunContext): Promise<Map<string, DigestSection>> {
  const readers = ctx.readers.filter((r) => r.roles.includes('hr') || r.roles.includes('admin'));
  const out = new Map<string, DigestSection>();
  if (readers.length === 0) return out;
  const policy = await readLeavePolicy();
  const ids = ctx.staff.map((s) => s.id);
  const byDate = new Map<string, { id: string; b: YearBalance }[]>();
  const lapsingAsOf = async (date: string) => {
    const today = DateTime.fromISO(date);
    const until = today.plus({ days: policy.expiryWarningDays }).toISODate() as string;
    const ledgers = await ledgersByEmployee(policy, today.year);
    return [...balancesOfEveryone(policy, today.year, date, ids, ledgers)]
      .flatMap(([id, balances]) => balances.map((b) => ({ id, b })))
      .filter(({ b }) => b.expiring > 0 && b.expiresOn !== null && b.expiresOn <= until)
      .sort((x, y) => (x.b.expiresOn ?? '').localeCompare(y.b.expiresOn ?? ''));
  };
  for (const reader of readers) {
    // readers in different zones may be on different dates: each date is worked out once
    const soon = byDate.get(reader.date) ?? (await lapsingAsOf(reader.date));
    byDate.set(reader.date, soon);
    if (soon.length === 0) continue;
    out.set(reader.id, {
      title: tr(reader.locale, t.expiringTitle),
      lines: soon.map(({ id, b }) => {
        const p = policy.types[b.kind];
        return tr(reader.locale, t.expiringLine, {
          name: ctx.nameOf(id),
          label: p ? tr(reader.locale, p.label) : b.kind,
          n: amount(b.expiring, p?.unit ?? 'days', policy.hoursPerDay, reader.locale),
          date: b.expiresOn ?? '',
        });
      }),
    });
  }
  return out;
}

export const leaveBalanceDigestSections: DigestSectionSpec[] = [
  { name: 'leave-balances.expiring', order: 35, load: expiringBalances },
];
