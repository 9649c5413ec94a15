import { defineCommand } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import type { Person } from '../../src/bot/types.js';
import { readDayRange } from '../../src/http/query-dates.js';
import { CHAT_FILE_MAX_BYTES, xlsxFile } from '../../src/table-export.js';
import { followUpsTable } from './export-follow-ups.js';

/** As the admin API's export: a year of follow-ups at most. */
const MAX_DAYS = 366;

const text = {
  badRange: {
    'zh-CN': '请写两个日期（YYYY-MM-DD），结束不早于开始，最多 {days} 天：{reason}。',
    en: 'Give two dates (YYYY-MM-DD), the end not before the start, at most {days} days: {reason}.',
  },
  notAllowed: {
    'zh-CN': '只有管理员和销售经理可以导出跟进记录。',
    en: 'Only admins and sales managers can export follow-ups.',
  },
  tooBig: {
    'zh-CN':
      '跟进记录超过 {mb} MB，无法在聊天里发送；请缩短日期范围，或用管理接口（GET /api/export/followups）。',
    en: 'The follow-ups are over {mb} MB, too big for the chat; pick fewer days or use the admin API (GET /api/export/followups).',
  },
  ready: { 'zh-CN': '{from} 至 {to} 的跟进记录：', en: 'Follow-ups from {from} to {to}:' },
};

const mayExport = (p: Person) =>
  p.roles.includes('admin') || (p.roles.includes('manager') && p.roles.includes('sales'));

/** "导出跟进 2026-11-01 2026-11-30": the follow-up log of those UTC days as a workbook. */
export const exportFollowUpsCommand = defineCommand<{
  days: { from: string; to: string };
  range: { from: Date; to: Date };
}>({
  area: 'crm',
  intent: 'crm.followUps.export',
  keywords: { 'zh-CN': ['导出跟进', '跟进导出'], en: ['export follow-ups', 'export followups'] },
  summary: {
    'zh-CN': '把一段日期的跟进记录导出为 Excel（管理员、销售经理）',
    en: 'The follow-ups of a date range as an Excel file (admins, sales managers)',
  },
  usage: { 'zh-CN': '导出跟进 <开始日期> <结束日期>', en: 'export follow-ups <from> <to>' },
  examples: { 'zh-CN': ['导出跟进 2026-11-01 2026-11-30'], en: ['export follow-ups 2026-11-01 2026-11-30'] },
  parse(rest, ctx) {
    const [from = '', to = '', ...more] = rest.split(/\s+/).filter(Boolean);
    const range = readDayRange({ from, to }, () => ctx.now.toJSDate(), MAX_DAYS);
    if (more.length || 'error' in range) {
      const reason = more.length ? more.join(' ').slice(0, 30) : (range as { error: string }).error;
      return { problem: tr(ctx.locale, text.badRange, { days: MAX_DAYS, reason }) };
    }
    return { args: { days: { from, to }, range } };
  },
  async handle(ctx, args) {
    if (!mayExport(ctx.person)) return ctx.reply(tr(ctx.locale, text.notAllowed));
    const table = await followUpsTable(args.range.from, args.range.to);
    const file = await xlsxFile(table, ctx.locale, `followups-${args.days.from}-${args.days.to}`);
    if (!file) return ctx.reply(tr(ctx.locale, text.tooBig, { mb: CHAT_FILE_MAX_BYTES / 1024 / 1024 }));
    ctx.reply({ text: tr(ctx.locale, text.ready, args.days), file });
  },
});
