import { z } from 'zod';
import { isDateProblem, takeDateRange } from '../../../src/bot/dates/index.js';
import { tr } from '../../../src/bot/i18n.js';
import { takeWord } from '../../../src/bot/slots.js';
import { AppError } from '../../../src/errors.js';
import { cancelLeave, countWorkdays, recordApprovedLeave } from '../../attendance/api.js';
import {
  type BalanceRecord,
  checkLeaveBalance,
  deductLeave,
  describeBalance,
  holdLeave,
  moveLeaveHold,
  restoreLeave,
} from '../../leave-balances/api.js';
import { dateOrder, dateRefused, half, requestDate, text } from './fields.js';
import type { RequestType } from './request-type.js';

export const LEAVE_KINDS = {
  annual: { 'zh-CN': '年假', en: 'annual' },
  sick: { 'zh-CN': '病假', en: 'sick' },
  personal: { 'zh-CN': '事假', en: 'personal' },
  marriage: { 'zh-CN': '婚假', en: 'marriage' },
  maternity: { 'zh-CN': '产假', en: 'maternity' },
  paternity: { 'zh-CN': '陪产假', en: 'paternity' },
  bereavement: { 'zh-CN': '丧假', en: 'bereavement' },
  compensatory: { 'zh-CN': '调休', en: 'compensatory' },
} as const;
export type LeaveKind = keyof typeof LEAVE_KINDS;
const kindWords = {
  ...Object.fromEntries(
    Object.entries(LEAVE_KINDS).flatMap(([kind, t]) => [
      [t['zh-CN'], kind],
      [t.en, kind],
    ]),
  ),
  // how people say it: "生病了", "I'm ill", "vacation", "家里有事请个事假"
  生病: 'sick',
  病了: 'sick',
  sickness: 'sick',
  ill: 'sick',
  年休假: 'annual',
  休年假: 'annual',
  vacation: 'annual',
  holiday: 'annual',
  pto: 'annual',
  私事: 'personal',
  婚: 'marriage',
  wedding: 'marriage',
  倒休: 'compensatory',
  'comp time': 'compensatory',
  'time in lieu': 'compensatory',
  funeral: 'bereavement',
} as Record<string, LeaveKind>;

const HALF_LABEL = { am: { 'zh-CN': '上午', en: 'morning' }, pm: { 'zh-CN': '下午', en: 'afternoon' } };

/** One day with one half named (a form's "from noon" or "until noon"): that half, on both sides. */
function oneDayOneHalf<T extends { from: string; to: string; fromHalf?: 'am' | 'pm'; toHalf?: 'am' | 'pm' }>(
  d: T,
): T {
  const named = d.fromHalf ?? d.toHalf;
  return d.from === d.to && named ? { ...d, fromHalf: d.fromHalf ?? named, toHalf: d.toHalf ?? named } : d;
}

export type LeaveData = {
  kind: LeaveKind;
  from: string;
  to: string;
  fromHalf?: 'am' | 'pm';
  toHalf?: 'am' | 'pm';
  reason: string;
  /** Working days, counted with the attendance calendar when the request is made. */
  days?: number;
  /** The kind's balance before and after, when the kind has one (leave-balances flow). */
  balance?: BalanceRecord;
};

/** Leave over its balance, where the policy allows it, goes to HR after the usual steps. */
const OVERDRAWN_STEP = {
  name: 'HR',
  label: { 'zh-CN': '人事', en: 'HR' },
  approvers: ['role:hr' as const],
  mode: 'any' as const,
};

/** The balance hooks' view of a request: only leave whose kind had a balance when filed. */
const balanceOf = (no: string, requesterId: string, d: LeaveData) =>
  d.balance ? { no, employeeId: requesterId, balance: d.balance } : null;

export const leave: RequestType<LeaveData> = {
  type: 'leave',
  intent: 'approvals.leave',
  keywords: { 'zh-CN': ['请假'], en: ['leave', 'time off'] },
  label: { 'zh-CN': '请假', en: 'Leave' },
  usage: {
    'zh-CN': '请假 <日期[到日期]> <年假|病假|事假…> <原因>',
    en: 'leave <date [to date]> <annual|sick|personal…> <reason>',
  },
  examples: {
    'zh-CN': ['请假 明天 事假 家里有事', '请假 下周一到周三 年假 旅游'],
    en: ['leave tomorrow personal family matter', 'leave Dec 3 to Dec 5 annual trip'],
  },
  fromText(rest, { now, locale }) {
    const dates = takeDateRange(rest, { now });
    if (dates && isDateProblem(dates)) return dateRefused(dates, locale);
    const kind = takeWord(dates?.rest ?? rest, kindWords);
    return { fields: { ...dates?.range, kind: kind?.value, reason: kind?.rest ?? dates?.rest ?? '' } };
  },
  confirmWhy: (d, today) =>
    d.from < today
      ? {
          'zh-CN': `开始日期 ${d.from} 已经过去了。确定要补请这段假吗？`,
          en: `The start date ${d.from} is in the past. File this leave for past days?`,
        }
      : null,
  schema: (now) =>
    dateOrder(
      z.object({
        from: requestDate(now),
        to: requestDate(now),
        kind: z.enum(Object.keys(LEAVE_KINDS) as [LeaveKind, ...LeaveKind[]], 'required'),
        fromHalf: half,
        toHalf: half,
        reason: text(),
      }),
    ).transform(oneDayOneHalf),
  formFields: [
    {
      name: 'kind',
      label: { 'zh-CN': '类型', en: 'Kind' },
      kind: 'select',
      ask: {
        'zh-CN': '请什么假？年假、病假、事假、调休……',
        en: 'Which kind of leave? annual, sick, personal, compensatory…',
      },
      options: Object.entries(LEAVE_KINDS).map(([value, label]) => ({ value, label })),
    },
    {
      name: 'from',
      label: { 'zh-CN': '开始日期', en: 'From' },
      kind: 'date',
      ask: {
        'zh-CN': '哪天请假？（如 明天、下周一到周三）',
        en: 'Which day(s)? (e.g. tomorrow, Mon to Wed)',
      },
    },
    { name: 'to', label: { 'zh-CN': '结束日期', en: 'To' }, kind: 'date' },
    // Half days, as a form can say them: the first day from noon, the last day until noon. For
    // one day either means that half (the schema makes both halves the same).
    {
      name: 'fromHalf',
      label: { 'zh-CN': '开始日', en: 'First day' },
      kind: 'select',
      optional: true,
      options: [{ value: 'pm', label: { 'zh-CN': '下午起', en: 'from noon' } }],
    },
    {
      name: 'toHalf',
      label: { 'zh-CN': '结束日', en: 'Last day' },
      kind: 'select',
      optional: true,
      options: [{ value: 'am', label: { 'zh-CN': '到中午', en: 'until noon' } }],
    },
    {
      name: 'reason',
      label: { 'zh-CN': '原因', en: 'Reason' },
      kind: 'textarea',
      ask: { 'zh-CN': '请假原因是？', en: 'What is the reason?' },
    },
  ],
  describe(d, locale) {
    const side = (date: string, h?: 'am' | 'pm') => (h ? `${date} ${tr(locale, HALF_LABEL[h])}` : date);
    return [
      [tr(locale, { 'zh-CN': '类型', en: 'Kind' }), tr(locale, LEAVE_KINDS[d.kind])],
      [
        tr(locale, { 'zh-CN': '时间', en: 'When' }),
        d.from === d.to && d.fromHalf === d.toHalf
          ? side(d.from, d.fromHalf)
          : `${side(d.from, d.fromHalf)} → ${side(d.to, d.toHalf)}`,
      ],
      ...(d.days !== undefined
        ? [[tr(locale, { 'zh-CN': '天数', en: 'Days' }), String(d.days)] as [string, string]]
        : []),
      ...(d.balance ? describeBalance(d.balance, locale) : []),
      [tr(locale, { 'zh-CN': '原因', en: 'Reason' }), d.reason],
    ];
  },
  measure: (d) => ({ days: d.days }),
  // counted with the requester's own calendar: holidays and make-up workdays (调休) included
  async complete(d, requesterId, today, resubmitting) {
    const days = await countWorkdays(requesterId, d.from, d.to, d.fromHalf, d.toHalf);
    if (days === 0) {
      throw new AppError('approvals.no_workdays', 'leave covers no workday', {
        'zh-CN': '这段时间没有工作日，无需请假。',
        en: 'Those dates have no working day; no leave is needed.',
      });
    }
    const { balance: _, ...rest } = d;
    const balance = await checkLeaveBalance({ ...rest, employeeId: requesterId, days, today, resubmitting });
    return { ...rest, days, ...(balance ? { balance } : {}) };
  },
  // the balance check and the hold are one step per person: two requests at once cannot both pass
  filingLock: (requesterId) => `filing:leave:${requesterId}`,
  extraSteps: (d) => (d.balance?.extraStep ? [OVERDRAWN_STEP] : []),
  async onFiled({ no, requesterId, data: d, at }) {
    const b = balanceOf(no, requesterId, d);
    if (b) await holdLeave(b, at);
  },
  async onResubmitted({ no, requesterId, data: d, before, at }) {
    await moveLeaveHold({ no, employeeId: requesterId, from: before.balance, to: d.balance }, at);
  },
  async onApproved({ no, requesterId, data: d, at }) {
    await recordApprovedLeave(
      {
        employeeId: requesterId,
        requestId: no,
        from: d.from,
        to: d.to,
        fromHalf: d.fromHalf,
        toHalf: d.toHalf,
      },
      at,
    );
    const b = balanceOf(no, requesterId, d);
    if (b) await deductLeave(b, at);
  },
  // plans change: approved leave can be withdrawn until its first day
  mayTakeBack: (d, today) => d.from > today,
  async onClosed({ no, requesterId, data: d, at, wasApproved }) {
    if (wasApproved)
      await cancelLeave({ employeeId: requesterId, requestId: no, from: d.from, to: d.to }, at);
    const b = balanceOf(no, requesterId, d);
    if (b) await restoreLeave(b, at);
  },
};
