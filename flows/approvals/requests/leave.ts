import { z } from 'zod';
import { tr } from '../../../src/bot/i18n.js';
import { takeDateRange, takeWord } from '../text-parts.js';
import { dateOrder, half, requestDate, text } from './fields.js';
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
type LeaveKind = keyof typeof LEAVE_KINDS;
const kindWords = Object.fromEntries(
  Object.entries(LEAVE_KINDS).flatMap(([kind, t]) => [
    [t['zh-CN'], kind],
    [t.en, kind],
  ]),
) as Record<string, LeaveKind>;

const HALF_LABEL = { am: { 'zh-CN': '上午', en: 'morning' }, pm: { 'zh-CN': '下午', en: 'afternoon' } };

export type LeaveData = {
  kind: LeaveKind;
  from: string;
  to: string;
  fromHalf?: 'am' | 'pm';
  toHalf?: 'am' | 'pm';
  reason: string;
  /** Working days, counted with the attendance calendar when the request is made. */
  days?: number;
};

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
  fromText(rest, { now }) {
    const dates = takeDateRange(rest, now);
    const kind = takeWord(dates?.rest ?? rest, kindWords);
    return { ...dates?.range, kind: kind?.value, reason: kind?.rest ?? dates?.rest ?? '' };
  },
  schema: (now) =>
    dateOrder(
      z.object({
        kind: z.enum(Object.keys(LEAVE_KINDS) as [LeaveKind, ...LeaveKind[]], 'required'),
        from: requestDate(now),
        to: requestDate(now),
        fromHalf: half,
        toHalf: half,
        reason: text(),
      }),
    ),
  formFields: [
    {
      name: 'kind',
      label: { 'zh-CN': '类型', en: 'Kind' },
      kind: 'select',
      options: Object.entries(LEAVE_KINDS).map(([value, label]) => ({ value, label })),
    },
    { name: 'from', label: { 'zh-CN': '开始日期', en: 'From' }, kind: 'date' },
    { name: 'to', label: { 'zh-CN': '结束日期', en: 'To' }, kind: 'date' },
    { name: 'reason', label: { 'zh-CN': '原因', en: 'Reason' }, kind: 'textarea' },
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
      [tr(locale, { 'zh-CN': '原因', en: 'Reason' }), d.reason],
    ];
  },
  measure: (d) => ({ days: d.days }),
};
