import { z } from 'zod';
import { isDateProblem, takeDate } from '../../../src/bot/dates/index.js';
import { tr } from '../../../src/bot/i18n.js';
import { dateRefused, requestDate, text } from './fields.js';
import type { RequestType } from './request-type.js';

export type TransferData = { department: string; position: string; effectiveDate: string; reason: string };

export const transfer: RequestType<TransferData> = {
  type: 'transfer',
  intent: 'approvals.transfer',
  keywords: { 'zh-CN': ['调岗'], en: ['transfer'] },
  label: { 'zh-CN': '调岗', en: 'Transfer' },
  usage: {
    'zh-CN': '调岗 <目标部门> <职位> <生效日期> [原因]',
    en: 'transfer <department> <position> <effective date> [reason]',
  },
  examples: {
    'zh-CN': ['调岗 Sales 客户经理 2027年1月1日 想做销售'],
    en: ['transfer Sales account-manager Jan 1 2027 career move'],
  },
  fromText(rest, { now, locale }) {
    const date = takeDate(rest, { now });
    if (date && isDateProblem(date)) return dateRefused(date, locale);
    const [department, position, ...reason] = (date?.rest ?? rest).split(' ');
    return { fields: { department, position, effectiveDate: date?.date, reason: reason.join(' ') } };
  },
  schema: (now) =>
    z.object({
      department: text(100),
      position: text(100),
      effectiveDate: requestDate(now, { pastDays: 0 }),
      reason: z.string().trim().max(500).default(''),
    }),
  formFields: [
    {
      name: 'department',
      label: { 'zh-CN': '目标部门', en: 'Department' },
      kind: 'text',
      ask: { 'zh-CN': '调到哪个部门？', en: 'Which department?' },
    },
    {
      name: 'position',
      label: { 'zh-CN': '职位', en: 'Position' },
      kind: 'text',
      ask: { 'zh-CN': '新职位是？', en: 'Which position?' },
    },
    {
      name: 'effectiveDate',
      label: { 'zh-CN': '生效日期', en: 'Effective date' },
      kind: 'date',
      ask: { 'zh-CN': '哪天生效？', en: 'From which day?' },
    },
    { name: 'reason', label: { 'zh-CN': '原因', en: 'Reason' }, kind: 'textarea', optional: true },
  ],
  describe: (d, locale) => [
    [tr(locale, { 'zh-CN': '目标部门', en: 'Department' }), d.department],
    [tr(locale, { 'zh-CN': '职位', en: 'Position' }), d.position],
    [tr(locale, { 'zh-CN': '生效日期', en: 'Effective' }), d.effectiveDate],
    ...(d.reason ? [[tr(locale, { 'zh-CN': '原因', en: 'Reason' }), d.reason] as [string, string]] : []),
  ],
  measure: (d) => ({ department: d.department }),
};
