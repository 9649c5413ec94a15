import { tr } from '../../src/bot/i18n.js';
import type { Card, Locale, Reply } from '../../src/bot/types.js';
import type { DayResult, MonthTotals } from './evaluate.js';
import type { MonthView, Punch } from './service.js';
import type { TeamView } from './team.js';
import { t } from './text.js';

const hm = (d: DayResult['checkIn']) => d?.toFormat('HH:mm') ?? '—';

/** A day in one line: "09:02–18:05 · 8.9h · late", or its status when nobody punched. */
export function describeDay(locale: Locale, day: DayResult): string {
  const parts: string[] = [];
  if (day.status === 'present') {
    parts.push(`${hm(day.checkIn)}–${hm(day.checkOut)}`);
    if (day.minutesWorked > 0)
      parts.push(tr(locale, t.workedHours, { n: (day.minutesWorked / 60).toFixed(1) }));
  } else parts.push(tr(locale, t.status[day.status]));
  if (day.late) parts.push(tr(locale, t.late));
  if (day.earlyLeave) parts.push(tr(locale, t.early));
  if (day.leave && day.leave !== 'full')
    parts.push(tr(locale, t.halfLeave, { half: tr(locale, t.half[day.leave]) }));
  if (day.madeUp) parts.push(tr(locale, t.madeUp));
  return parts.join(' · ') + (day.workday || day.status === 'rest' ? '' : tr(locale, t.restDay));
}

/** The reply to a check-in or check-out. */
export function punchReply(locale: Locale, punch: Punch): Reply {
  if (punch.kind === 'no-check-in') return { text: tr(locale, t.noCheckIn, { date: punch.date }) };
  const { day } = punch;
  if (punch.kind === 'already') {
    return { text: tr(locale, t.already, { date: day.date, time: hm(day.checkIn) }) };
  }
  const time = hm(punch.kind === 'checked-in' ? day.checkIn : day.checkOut);
  const card: Card = {
    title: tr(locale, punch.kind === 'checked-in' ? t.checkedIn : t.checkedOut, { time }),
    fields: [
      [tr(locale, t.date), day.date],
      [tr(locale, t.today), describeDay(locale, day)],
    ],
    status: day.late || day.earlyLeave ? 'warning' : 'done',
    actions: [],
  };
  return { card };
}

function totalsFields(locale: Locale, totals: MonthTotals): [string, string][] {
  return [
    [tr(locale, t.workdays), String(totals.workdays)],
    [tr(locale, t.present), String(totals.present)],
    [tr(locale, t.lateDays), String(totals.late)],
    [tr(locale, t.earlyDays), String(totals.earlyLeave)],
    [tr(locale, t.absentDays), String(totals.absent)],
    [tr(locale, t.leaveDays), String(totals.leaveDays)],
    [tr(locale, t.hours), totals.hours.toFixed(1)],
  ];
}

/** Today (for the current month) and the month's figures. */
export function monthCard(locale: Locale, name: string, view: MonthView, showToday: boolean): Card {
  const today: [string, string][] =
    showToday && view.today ? [[tr(locale, t.today), describeDay(locale, view.today)]] : [];
  return {
    title: tr(locale, t.monthTitle, { name, month: view.month }),
    fields: [...today, ...totalsFields(locale, view.totals)],
    status: view.totals.absent > 0 || view.totals.late > 0 ? 'warning' : 'info',
    actions: [],
  };
}

/** Platforms cap a card's size (Slack: 50 blocks), so a big team shows its first rows and a count. */
const MAX_TEAM_ROWS = 40;

export function teamReply(locale: Locale, view: TeamView): Reply {
  if (view.kind === 'refused') {
    return { text: tr(locale, view.reason === 'not-manager' ? t.notManager : t.departmentNeedsHr) };
  }
  const shown = view.rows.slice(0, MAX_TEAM_ROWS);
  const more = view.rows.length - shown.length;
  return {
    card: {
      title: tr(locale, t.teamTitle, { date: view.date }),
      subtitle: view.scope === 'reports' || view.scope === '*' ? undefined : view.scope,
      fields: shown.map((r): [string, string] => [r.name, describeDay(locale, r.day)]),
      body: view.rows.length === 0 ? tr(locale, t.teamEmpty) : more > 0 ? `+${more}` : undefined,
      status: 'info',
      actions: [],
    },
  };
}

/** For reminder cards (issue #9): a button that checks the person in. */
export function checkInButton(locale: Locale) {
  return {
    actionId: 'attendance.checkIn',
    label: tr(locale, t.checkInButton),
    style: 'primary' as const,
    value: '',
  };
}
