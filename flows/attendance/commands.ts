import { z } from 'zod';
import { dateProblemText, isDateProblem, takeDate, takeMonth } from '../../src/bot/dates/index.js';
import { defineCommand, type ParseContext, type ParseResult } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { CHAT_FILE_MAX_BYTES } from '../../src/table-export.js';
import { monthCard, punchReply, teamReply } from './cards.js';
import { exportMonth } from './export.js';
import { checkIn, checkOut, monthOf } from './service.js';
import { teamDay } from './team.js';
import { t } from './text.js';

const note = z.string().max(200);

/** "打卡了吗", "签到了没": a question about a punch, not a note to keep with one. */
const QUESTION = /^(了|过|了吗|了没|了没有|没|吗|么|呢)?[?？]?$|[吗么没][?？]?$|[?？]$/u;

function parseNote(rest: string, ctx: ParseContext): ParseResult<{ note: string }> {
  if (rest !== '' && QUESTION.test(rest)) return { problem: tr(ctx.locale, t.noteIsQuestion) };
  const parsed = note.safeParse(rest);
  return parsed.success ? { args: { note: parsed.data } } : { problem: tr(ctx.locale, t.noteTooLong) };
}

/**
 * 打卡 means check in, never "toggle": a double-sent or retried 打卡 must not check someone out at
 * 09:01. A second check-in shows the first one's time; checking out has its own words.
 */
export const checkInCommand = defineCommand<{ note: string }>({
  intent: 'attendance.checkIn',
  writes: true,
  area: 'attendance',
  keywords: { 'zh-CN': ['签到', '上班打卡', '打卡'], en: ['check in', 'clock in', 'checkin'] },
  summary: { 'zh-CN': '上班签到，可附备注或地点', en: 'Check in for today, with an optional note or place' },
  usage: { 'zh-CN': '签到 [备注]', en: 'check in [note]' },
  examples: { 'zh-CN': ['签到', '上班打卡 客户现场'], en: ['check in', 'clock in at the Pudong office'] },
  parse: parseNote,
  async handle(ctx, args) {
    ctx.reply(punchReply(ctx.locale, await checkIn(ctx.person.id, ctx.now, args.note)));
  },
});

export const checkOutCommand = defineCommand<{ note: string }>({
  intent: 'attendance.checkOut',
  writes: true,
  area: 'attendance',
  keywords: { 'zh-CN': ['签退', '下班打卡'], en: ['check out', 'clock out', 'checkout'] },
  summary: { 'zh-CN': '下班签退（以最后一次为准）', en: 'Check out (the last check-out counts)' },
  usage: { 'zh-CN': '签退 [备注]', en: 'check out [note]' },
  examples: { 'zh-CN': ['签退', '下班打卡'], en: ['check out', 'clock out'] },
  parse: parseNote,
  async handle(ctx, args) {
    ctx.reply(punchReply(ctx.locale, await checkOut(ctx.person.id, ctx.now, args.note)));
  },
});

export const showCommand = defineCommand<{ month?: string }>({
  intent: 'attendance.show',
  area: 'attendance',
  keywords: { 'zh-CN': ['考勤', '我的考勤'], en: ['attendance', 'my attendance'] },
  summary: { 'zh-CN': '今天和本月（或指定月份）的考勤', en: 'Today and this month (or a given month)' },
  usage: { 'zh-CN': '考勤 [月份]', en: 'attendance [month]' },
  examples: {
    'zh-CN': ['考勤', '考勤 上个月', '考勤 2026-10'],
    en: ['attendance', 'attendance last month', 'attendance October'],
  },
  parse(rest, ctx) {
    if (rest === '') return { args: {} };
    const found = takeMonth(rest, { now: ctx.now, direction: 'backward' });
    if (!found || isDateProblem(found) || found.rest !== '')
      return { problem: tr(ctx.locale, t.badMonth, { value: rest.slice(0, 30) }) };
    if (found.month > ctx.now.toFormat('yyyy-MM'))
      return { problem: tr(ctx.locale, t.futureMonth, { value: found.month }) };
    return { args: { month: found.month } };
  },
  async handle(ctx, args) {
    const view = await monthOf(ctx.person.id, ctx.now, args.month);
    const current = view.month === ctx.now.toFormat('yyyy-MM');
    ctx.reply({ card: monthCard(ctx.locale, ctx.person.name, view, current) });
  },
});

export const teamCommand = defineCommand<{ date: string; department?: string }>({
  intent: 'attendance.team',
  area: 'attendance',
  keywords: { 'zh-CN': ['团队考勤'], en: ['team attendance'] },
  summary: {
    'zh-CN': '经理看直属下级某天的考勤；人事/管理员可按部门看',
    en: "A day of your direct reports' attendance; HR/admins may name a department",
  },
  usage: { 'zh-CN': '团队考勤 [日期] [部门]', en: 'team attendance [date] [department]' },
  examples: {
    'zh-CN': ['团队考勤', '团队考勤 昨天', '团队考勤 2026-11-20 Engineering'],
    en: ['team attendance', 'team attendance yesterday', 'team attendance 2026-11-20 Sales'],
  },
  parse(rest, ctx) {
    // "团队考勤 昨天 Sales", "team attendance last Friday": a day (looking back), then a department
    const today = ctx.now.toISODate() as string;
    const found = takeDate(rest, { now: ctx.now, direction: 'backward' });
    if (found && isDateProblem(found)) return { problem: dateProblemText(found, ctx.locale) };
    const date = found?.date ?? today;
    if (date > today) return { problem: tr(ctx.locale, t.futureDate, { value: date }) };
    if (/^\d{4}-/.test(found?.rest ?? rest))
      return { problem: tr(ctx.locale, t.badDate, { value: (found?.rest ?? rest).split(' ')[0] ?? '' }) };
    return { args: { date, department: (found?.rest ?? rest).trim() || undefined } };
  },
  async handle(ctx, args) {
    const view = await teamDay(ctx.person, args.date, args.department, ctx.now);
    ctx.reply(teamReply(ctx.locale, view));
  },
});

/** "导出考勤 2026-11 Sales": a month (looking back), then a department. */
export const exportCommand = defineCommand<{ month: string; department?: string }>({
  intent: 'attendance.export',
  area: 'attendance',
  keywords: { 'zh-CN': ['导出考勤', '考勤导出'], en: ['export attendance', 'attendance export'] },
  summary: {
    'zh-CN': '把某月考勤导出为 Excel 发到聊天里（人事/管理员；经理限本部门）',
    en: "A month's attendance as an Excel file in the chat (HR/admins; managers their department)",
  },
  usage: { 'zh-CN': '导出考勤 <月份> [部门]', en: 'export attendance <month> [department]' },
  examples: {
    'zh-CN': ['导出考勤 2026-11', '导出考勤 上个月 Sales'],
    en: ['export attendance 2026-11', 'export attendance last month Sales'],
  },
  parse(rest, ctx) {
    const found = takeMonth(rest, { now: ctx.now, direction: 'backward' });
    if (!found || isDateProblem(found))
      return { problem: tr(ctx.locale, t.badMonth, { value: rest.split(' ')[0] || '?' }) };
    if (found.month > ctx.now.toFormat('yyyy-MM'))
      return { problem: tr(ctx.locale, t.futureMonth, { value: found.month }) };
    return { args: { month: found.month, department: found.rest.trim() || undefined } };
  },
  async handle(ctx, args) {
    const made = await exportMonth(ctx.person, args.month, args.department, ctx.now, ctx.locale);
    if (made.kind === 'refused')
      return ctx.reply(
        tr(ctx.locale, made.reason === 'not-allowed' ? t.exportNotAllowed : t.exportOtherDepartment),
      );
    if (made.kind === 'too-big')
      return ctx.reply(tr(ctx.locale, t.exportTooBig, { mb: CHAT_FILE_MAX_BYTES / 1024 / 1024 }));
    const scope = made.department ?? tr(ctx.locale, t.everyone);
    ctx.reply({ text: tr(ctx.locale, t.exportReady, { month: args.month, scope }), file: made.file });
  },
});

export const attendanceCommands = [checkInCommand, checkOutCommand, showCommand, teamCommand, exportCommand];
