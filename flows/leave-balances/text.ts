import type { Text } from '../../src/bot/i18n.js';
import { tr } from '../../src/bot/i18n.js';
import type { Locale } from '../../src/bot/types.js';

/** This flow's copy, both languages side by side. */
export const t = {
  title: { 'zh-CN': '假期余额 · {name} · {year}', en: 'Leave balance · {name} · {year}' },
  teamTitle: { 'zh-CN': '团队假期余额 · {year}', en: "Your team's leave balances · {year}" },
  none: { 'zh-CN': '还没有设置带余额的假期类型。', en: 'No leave type with a balance is set up yet.' },
  noTeam: { 'zh-CN': '你没有下属。', en: 'Nobody reports to you.' },
  line: {
    'zh-CN': '可用 {available}（已累计 {accrued}，结转 {carried}，已休 {taken}，审批中 {pending}）',
    en: '{available} available ({accrued} earned, {carried} carried over, {taken} taken, {pending} pending)',
  },
  expiring: {
    'zh-CN': '；结转的 {n} 将于 {date} 后作废',
    en: '; {n} carried over lapse after {date}',
  },
  expired: { 'zh-CN': '；{n} 结转已作废', en: '; {n} carried over lapsed' },
  adjusted: { 'zh-CN': '；人事调整 {n}', en: '; {n} adjusted by HR' },
  balance: { 'zh-CN': '{label}余额', en: '{label} balance' },
  beforeAfter: { 'zh-CN': '{before} → {after}', en: '{before} → {after}' },
  overdrawn: { 'zh-CN': '（超出余额，需人事加审）', en: ' (over the balance: HR approves too)' },
  refused: {
    'zh-CN': '{label}余额不足：现有 {before}，这次要 {days}，请完将是 {after}。',
    en: 'Not enough {label}: you have {before}, this takes {days}, which would leave {after}.',
  },
  notFound: {
    'zh-CN': '找不到“{who}”。用法：假期余额 [姓名或邮箱|团队] [年份]',
    en: 'No one called "{who}". Usage: leave balance [name or e-mail|team] [year]',
  },
  notAllowed: {
    'zh-CN': '你只能查看自己和下属的假期余额。',
    en: 'You can see only your own leave balance and your team’s.',
  },
  badYear: {
    'zh-CN': '年份 {year} 不在范围内（{from}–{to}）。',
    en: 'The year {year} is out of range ({from}–{to}).',
  },
  expiringTitle: { 'zh-CN': '即将作废的结转假期', en: 'Carried-over leave about to lapse' },
  expiringLine: {
    'zh-CN': '{name} · {label} {n}，{date} 后作废',
    en: '{name} · {label} {n}, lapse after {date}',
  },
} satisfies Record<string, Text>;

const UNIT = {
  days: { 'zh-CN': '{n} 天', en: '{n} d' },
  hours: { 'zh-CN': '{n} 小时', en: '{n} h' },
} satisfies Record<string, Text>;

/** An amount kept in days, as the type shows it: "2.5 天", "20 h". */
export function amount(days: number, unit: 'days' | 'hours', hoursPerDay: number, locale: Locale): string {
  const n = unit === 'hours' ? Math.round(days * hoursPerDay * 100) / 100 : days;
  return tr(locale, UNIT[unit], { n });
}
