import { DateTime } from 'luxon';
import type { ContractDoc } from '../../db/models/contract.js';
import type { HomeSectionSpec } from '../../src/bot/home.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import type { Locale } from '../../src/bot/types.js';
import { usesContracts } from './access.js';
import { STATUS_LABEL } from './cards.js';
import { CONTRACT_CONFIG } from './config.js';
import { cents, money } from './money.js';
import { contractsOwnedBy } from './read.js';

const t = {
  title: { 'zh-CN': '我的待办合同（{n}）', en: 'My contracts needing action ({n})' },
  none: { 'zh-CN': '没有待审批或待收款的合同。', en: 'No contract awaiting approval or payment.' },
  due: { 'zh-CN': '第 {n} 期 {left} {date} 到期', en: 'instalment {n}, {left}, due {date}' },
  overdue: {
    'zh-CN': '第 {n} 期 {left} 已于 {date} 逾期',
    en: 'instalment {n}, {left}, overdue since {date}',
  },
  show: { 'zh-CN': '查看', en: 'Show' },
} satisfies Record<string, Text>;
const SHOWN = 10;

/**
 * What the owner has to act on, as of their `today`: a contract waiting for its approval, or
 * an instalment unpaid that is late or falls due within the reminder window.
 */
function needsAction(c: ContractDoc, today: string, locale: Locale): string | null {
  if (c.status === 'awaiting_approval') return tr(locale, STATUS_LABEL.awaiting_approval);
  if (c.status !== 'active') return null;
  const soon = DateTime.fromISO(today).plus({ days: CONTRACT_CONFIG.remindDaysBefore }).toISODate() ?? today;
  const next = [...c.instalments]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .find((p) => cents(p.paid) < cents(p.amount));
  if (!next || next.dueDate > soon) return null;
  const left = money((cents(next.amount) - cents(next.paid)) / 100, c.currency);
  return tr(locale, next.dueDate < today ? t.overdue : t.due, { n: next.n, left, date: next.dueDate });
}

/** Home: the person's contracts needing action (approval pending, money due), each a button to its card. */
export const contractsHomeSections: HomeSectionSpec[] = [
  {
    name: 'contracts.mine',
    order: 45,
    async load({ person, locale, now }) {
      const today = now.toISODate() ?? '';
      const mine = usesContracts(person) ? await contractsOwnedBy(person.id) : [];
      const rows = mine
        .map((c) => ({ c, why: needsAction(c, today, locale) }))
        .filter((r): r is { c: ContractDoc; why: string } => r.why !== null)
        .slice(0, SHOWN);
      return {
        title: tr(locale, t.title, { n: rows.length }),
        fields: rows.map(({ c, why }): [string, string] => [`${c._id} · ${c.customerName}`, why]),
        ...(rows.length === 0 ? { body: tr(locale, t.none) } : {}),
        actions: rows.map(({ c }) => ({
          actionId: 'contracts.show',
          label: `${tr(locale, t.show)} ${c._id}`,
          style: 'default' as const,
          value: c._id,
        })),
      };
    },
  },
];
