import { z } from 'zod';
import { isDateProblem, takeDate } from '../../../src/bot/dates/index.js';
import { tr } from '../../../src/bot/i18n.js';
import { unread } from '../../../src/bot/slots.js';
import { createEmployee } from '../../org/api.js';
import { dateRefused, requestDate, text } from './fields.js';
import type { RequestType } from './request-type.js';

export type OnboardingData = {
  name: string;
  email: string;
  department: string;
  managerEmail: string;
  startDate: string;
};

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/g;
const email = z.string('required').trim().toLowerCase().pipe(z.email('email'));

export const onboarding: RequestType<OnboardingData> = {
  type: 'onboarding',
  intent: 'approvals.onboarding',
  keywords: { 'zh-CN': ['入职'], en: ['onboarding', 'onboard', 'new hire'] },
  label: { 'zh-CN': '入职', en: 'Onboarding' },
  usage: {
    'zh-CN': '入职 <姓名> <邮箱> <部门> <上级邮箱> <入职日期>',
    en: 'onboarding <name> <email> <department> <manager email> <start date>',
  },
  examples: {
    'zh-CN': ['入职 刘洋 liu.yang@demo.example Sales wang.fang@demo.example 12月15日'],
    en: ['onboarding Dana Lee dana.lee@demo.example Sales wang.fang@demo.example Dec 15'],
  },
  fromText(rest, { now, locale }) {
    const [newHire, manager] = rest.match(EMAIL) ?? [];
    const at = (email: string | undefined) => (email ? rest.indexOf(email) : rest.length);
    const beforeEmail = rest.slice(0, at(newHire)).trim();
    // the department follows the new hire's e-mail, up to the manager's if it is given yet, so
    // that a manager or date asked for later can be appended
    const middle = newHire ? rest.slice(at(newHire) + newHire.length, at(manager)) : '';
    const after = manager ? rest.slice(at(manager) + manager.length) : '';
    const dateAfter = takeDate(after, { now });
    const dateBetween = dateAfter ? null : takeDate(middle, { now });
    const date = dateAfter ?? dateBetween;
    if (date && isDateProblem(date)) return dateRefused(date, locale);
    const leftover = dateAfter && !isDateProblem(dateAfter) ? dateAfter.rest : after.trim();
    if (leftover) return { fields: {}, problem: unread(leftover, locale) };
    const department = dateBetween && !isDateProblem(dateBetween) ? dateBetween.rest : middle;
    return {
      fields: {
        name: beforeEmail,
        email: newHire,
        department: department.trim(),
        managerEmail: manager,
        startDate: date?.date,
      },
    };
  },
  schema: (now) =>
    z.object({
      name: text(100),
      email,
      department: text(100),
      managerEmail: email,
      startDate: requestDate(now, { pastDays: 0 }),
    }),
  formFields: [
    {
      name: 'name',
      label: { 'zh-CN': '姓名', en: 'Name' },
      kind: 'text',
      ask: { 'zh-CN': '新同事叫什么名字？', en: "What is the new hire's name?" },
    },
    {
      name: 'email',
      label: { 'zh-CN': '邮箱', en: 'E-mail' },
      kind: 'text',
      ask: { 'zh-CN': '新同事的工作邮箱是？', en: "What is the new hire's work e-mail?" },
    },
    {
      name: 'department',
      label: { 'zh-CN': '部门', en: 'Department' },
      kind: 'text',
      ask: { 'zh-CN': '入职哪个部门？', en: 'Which department?' },
    },
    {
      name: 'managerEmail',
      label: { 'zh-CN': '上级邮箱', en: 'Manager e-mail' },
      kind: 'text',
      ask: { 'zh-CN': '上级的邮箱是？', en: "What is the manager's e-mail?" },
    },
    {
      name: 'startDate',
      label: { 'zh-CN': '入职日期', en: 'Start date' },
      kind: 'date',
      ask: { 'zh-CN': '哪天入职？', en: 'Which day do they start?' },
    },
  ],
  describe: (d, locale) => [
    [tr(locale, { 'zh-CN': '姓名', en: 'Name' }), d.name],
    [tr(locale, { 'zh-CN': '邮箱', en: 'E-mail' }), d.email],
    [tr(locale, { 'zh-CN': '部门', en: 'Department' }), d.department],
    [tr(locale, { 'zh-CN': '上级', en: 'Manager' }), d.managerEmail],
    [tr(locale, { 'zh-CN': '入职日期', en: 'Start date' }), d.startDate],
  ],
  measure: (d) => ({ department: d.department }),
  async onApproved({ data: d, at, today }) {
    // inactive until the first day, so the new hire cannot be asked to approve before joining
    await createEmployee(
      {
        name: d.name,
        email: d.email,
        department: d.department,
        managerEmail: d.managerEmail,
        roles: ['employee'],
        locale: 'zh-CN',
        timezone: 'Asia/Shanghai',
      },
      at,
      { active: d.startDate <= today },
    ).catch((err: { code?: string }) => {
      if (err.code !== 'org.duplicate') throw err;
    });
  },
};
