import { z } from 'zod';
import { isDateProblem, takeDateTime } from '../../../src/bot/dates/index.js';
import { tr } from '../../../src/bot/i18n.js';
import { takeWord } from '../../../src/bot/slots.js';
import { applyMakeupPunch } from '../../attendance/api.js';
import { dateRefused, requestDate, text } from './fields.js';
import type { RequestType } from './request-type.js';

export type MakeupData = { date: string; time: string; direction: 'in' | 'out'; reason: string };

const DIRECTIONS: Record<string, 'in' | 'out'> = {
  上班: 'in',
  签到: 'in',
  in: 'in',
  下班: 'out',
  签退: 'out',
  out: 'out',
};
const DIRECTION_LABEL = { in: { 'zh-CN': '上班', en: 'in' }, out: { 'zh-CN': '下班', en: 'out' } };

export const makeup: RequestType<MakeupData> = {
  type: 'makeup',
  intent: 'approvals.makeup',
  keywords: { 'zh-CN': ['补卡'], en: ['makeup punch', 'make-up punch', 'makeup'] },
  label: { 'zh-CN': '补卡', en: 'Make-up punch' },
  usage: { 'zh-CN': '补卡 <日期> <HH:mm> <上班|下班> <原因>', en: 'makeup <date> <HH:mm> <in|out> <reason>' },
  examples: {
    'zh-CN': ['补卡 昨天 09:05 上班 忘记打卡'],
    en: ['makeup yesterday 09:05 in forgot to check in'],
  },
  fromText(rest, { now, locale }) {
    // a make-up punch is for a day gone by: "周五" is the last Friday
    const when = takeDateTime(rest, { now, direction: 'backward' });
    if (when && isDateProblem(when)) return dateRefused(when, locale);
    const direction = takeWord(when?.rest ?? rest, DIRECTIONS);
    return {
      fields: {
        date: when?.date,
        time: when?.time,
        direction: direction?.value,
        reason: direction?.rest ?? when?.rest ?? '',
      },
    };
  },
  schema: (now) =>
    z.object({
      date: requestDate(now, { future: false }),
      time: z.string('time').regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time'),
      direction: z.enum(['in', 'out'], 'required'),
      reason: text(),
    }),
  formFields: [
    {
      name: 'date',
      label: { 'zh-CN': '日期', en: 'Date' },
      kind: 'date',
      ask: { 'zh-CN': '补哪天的卡？', en: 'For which day?' },
    },
    {
      name: 'time',
      label: { 'zh-CN': '时间 (HH:mm)', en: 'Time (HH:mm)' },
      kind: 'text',
      ask: { 'zh-CN': '几点？（如 09:05）', en: 'At what time? (e.g. 09:05)' },
    },
    {
      name: 'direction',
      label: { 'zh-CN': '上班/下班', en: 'In/out' },
      kind: 'select',
      ask: { 'zh-CN': '补上班卡还是下班卡？', en: 'Punch in or out?' },
      options: Object.entries(DIRECTION_LABEL).map(([value, label]) => ({ value, label })),
    },
    {
      name: 'reason',
      label: { 'zh-CN': '原因', en: 'Reason' },
      kind: 'textarea',
      ask: { 'zh-CN': '补卡原因是？', en: 'What is the reason?' },
    },
  ],
  describe: (d, locale) => [
    [tr(locale, { 'zh-CN': '时间', en: 'When' }), `${d.date} ${d.time}`],
    [tr(locale, { 'zh-CN': '类型', en: 'Punch' }), tr(locale, DIRECTION_LABEL[d.direction])],
    [tr(locale, { 'zh-CN': '原因', en: 'Reason' }), d.reason],
  ],
  measure: () => ({}),
  onApproved: ({ no, requesterId, data: d, at }) =>
    applyMakeupPunch(
      { employeeId: requesterId, requestId: no, date: d.date, time: d.time, direction: d.direction },
      at,
    ),
};
