import { DateTime } from 'luxon';
import { Contract, type ContractDoc, type Instalment } from '../../db/models/contract.js';
import type { Reminders } from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import type { Locale } from '../../src/bot/types.js';
import { CONTRACT_CONFIG } from './config.js';
import { cents, money } from './money.js';

type Stage = 'before' | 'due' | 'overdue';

const copy: Record<Stage | 'expiry', Text> = {
  before: {
    'zh-CN':
      '💰 {customer} 合同 {no} 第 {n} 期 {left} 将于 {date} 到期（还有 {days} 天）。收到后：收款 {no} <金额>',
    en: '💰 {customer}: instalment {n} of {no}, {left}, falls due on {date} (in {days} days). When it arrives: payment received {no} <amount>',
  },
  due: {
    'zh-CN': '💰 {customer} 合同 {no} 第 {n} 期 {left} 今天（{date}）到期。收到后：收款 {no} <金额>',
    en: '💰 {customer}: instalment {n} of {no}, {left}, falls due today ({date}). When it arrives: payment received {no} <amount>',
  },
  overdue: {
    'zh-CN': '⚠️ {customer} 合同 {no} 第 {n} 期 {left} 已于 {date} 到期，尚未收到，请跟进。',
    en: '⚠️ {customer}: instalment {n} of {no}, {left}, was due on {date} and has not been received. Please follow up.',
  },
  expiry: {
    'zh-CN': '📄 {customer} 合同 {no} 将于 {date} 到期（还有 {days} 天）。需要续签吗？',
    en: '📄 Contract {no} with {customer} ends on {date} (in {days} days). Time to renew?',
  },
};

/** Where an instalment stands on the owner's `today`, or null when nothing is to be said. */
export function stageOf(dueDate: string, today: string): { stage: Stage; days: number } | null {
  const days = DateTime.fromISO(dueDate).diff(DateTime.fromISO(today), 'days').days;
  if (days > CONTRACT_CONFIG.remindDaysBefore) return null;
  if (days > 0) return { stage: 'before', days };
  if (days === 0) return { stage: 'due', days };
  return -days <= CONTRACT_CONFIG.overdueWindowDays ? { stage: 'overdue', days: -days } : null;
}

/** One reminder per instalment and stage, for ever: `<contract>:<instalment>:<before|due|overdue>`. */
export const receivableKey = (no: string, n: number, stage: Stage) => `receivable:${no}:${n}:${stage}`;
export const expiryKey = (no: string, endDate: string) => `contract-expiry:${no}:${endDate}`;

type Owed = { key: string; text: (locale: Locale) => string };

const leftOn = (p: Instalment) => (cents(p.amount) - cents(p.paid)) / 100;

/**
 * The owner of each contract with an instalment unpaid hears about it before it falls due
 * (`remindDaysBefore`), on the day, and once when it is late — each stage once, by its delivery
 * key, in the owner's own calendar day. Expiring contracts are announced once. A scheduled scan of
 * the running contracts (bounded by `max`), never a chat turn.
 */
export async function remindContracts(
  now: Date,
  reminders: Reminders,
  max = 5000,
): Promise<{ reminded: number }> {
  const running = await Contract.find({ status: { $in: ['active', 'paid'] } })
    .limit(max)
    .lean<ContractDoc[]>();
  const owners = await reminders.recipients([...new Set(running.map((c) => String(c.ownerId)))]);
  let reminded = 0;
  for (const contract of running) {
    const owner = owners.get(String(contract.ownerId));
    if (!owner) continue;
    const today = DateTime.fromJSDate(now, { zone: owner.timezone }).toISODate() ?? '';
    for (const owed of owedOn(contract, today)) {
      const result = await reminders.deliver({
        employeeId: owner.id,
        kind: 'reminder',
        key: owed.key,
        reply: { text: owed.text(owner.locale) },
        at: now,
        recipient: owner,
      });
      if (result.status === 'sent') reminded++;
    }
  }
  return { reminded };
}

/** What the owner is owed a word about today: instalments by stage, then the contract's end. */
function owedOn(c: ContractDoc, today: string): Owed[] {
  const vars = { no: c._id, customer: c.customerName };
  const owed: Owed[] = [];
  if (c.status === 'active')
    for (const p of c.instalments) {
      if (leftOn(p) <= 0) continue;
      const at = stageOf(p.dueDate, today);
      if (!at) continue;
      owed.push({
        key: receivableKey(c._id, p.n, at.stage),
        text: (locale) =>
          tr(locale, copy[at.stage], {
            ...vars,
            n: p.n,
            left: money(leftOn(p), c.currency),
            date: p.dueDate,
            days: at.days,
          }),
      });
    }
  const daysLeft = DateTime.fromISO(c.endDate).diff(DateTime.fromISO(today), 'days').days;
  if (daysLeft >= 0 && daysLeft <= CONTRACT_CONFIG.expiryNoticeDays)
    owed.push({
      key: expiryKey(c._id, c.endDate),
      text: (locale) => tr(locale, copy.expiry, { ...vars, date: c.endDate, days: daysLeft }),
    });
  return owed;
}
