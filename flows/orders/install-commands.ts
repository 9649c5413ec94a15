import { dateProblemText, isDateProblem, takeDate } from '../../src/bot/dates/index.js';
import {
  type CommandSpec,
  defineCommand,
  type FormSpec,
  type ParseContext,
  type ParseResult,
} from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import { fail } from '../stock/api.js';
import { type AssignArgs, assignFromChat, type ReportArgs, reportFromChat } from './install-handlers.js';

const problems = {
  no: { 'zh-CN': '请写上订单号，如 SO-1001。', en: 'Give the order number, e.g. SO-1001.' },
  who: { 'zh-CN': '请写上安装人的姓名。', en: 'Name the installer.' },
  note: { 'zh-CN': '请写一句安装备注。', en: 'Add a note about the installation.' },
  due: { 'zh-CN': '截止日期不能早于今天。', en: 'The due date cannot be in the past.' },
} satisfies Record<string, Text>;

/** "SO-1001 …" or "1001 …" → the number and what follows. */
function takeOrderNo(text: string): { no: string; rest: string } | null {
  const m = /^(?:SO)?-?(\d+)\b\s*(.*)$/is.exec(text.trim());
  return m?.[1] ? { no: `SO-${m[1]}`, rest: (m[2] ?? '').trim() } : null;
}

const DUE_WORD = /\s*(?:截止(?:日期)?|期限|due(?: by| on)?|by)\s*[:：]?\s*/i;

/** `SO-1001 王强 [截止 周五]`: the installer's name, then an optional due day. */
export function parseAssign(rest: string, ctx: ParseContext): ParseResult<AssignArgs> {
  const order = takeOrderNo(rest);
  if (!order) return fail(ctx.locale, problems.no);
  const [who = '', dueText] = order.rest.split(DUE_WORD);
  const assignee = who.trim().slice(0, 60);
  if (!assignee) return { problem: tr(ctx.locale, problems.who), ask: tr(ctx.locale, problems.who) };
  if (!dueText?.trim()) return { args: { no: order.no, assignee, due: '' } };
  const due = readDue(dueText, ctx);
  return 'problem' in due ? due : { args: { no: order.no, assignee, due: due.date } };
}

function readDue(text: string, ctx: ParseContext): { date: string } | { problem: string } {
  const found = takeDate(text, { now: ctx.now, direction: 'forward' });
  if (!found) return { problem: dateProblemText({ problem: 'unreadable', text: text.trim() }, ctx.locale) };
  if (isDateProblem(found)) return { problem: dateProblemText(found, ctx.locale) };
  if (found.date < (ctx.now.toISODate() ?? '')) return { problem: tr(ctx.locale, problems.due) };
  return { date: found.date };
}

/** `SO-1001 <note> [photo link]`: a link anywhere in it is the photo. */
export function parseReport(rest: string, ctx: ParseContext): ParseResult<ReportArgs> {
  const order = takeOrderNo(rest);
  if (!order) return fail(ctx.locale, problems.no);
  const words = order.rest.split(/\s+/).filter(Boolean);
  const photo = words.find((w) => /^https?:\/\/\S+$/i.test(w)) ?? '';
  const note = words
    .filter((w) => w !== photo)
    .join(' ')
    .slice(0, 500);
  if (!note) return { problem: tr(ctx.locale, problems.note), ask: tr(ctx.locale, problems.note) };
  return { args: { no: order.no, note, photo: photo.slice(0, 500) } };
}

const noField = { name: 'no', label: { 'zh-CN': '订单号', en: 'Order' }, kind: 'text' } as const;

const assignForm: FormSpec<AssignArgs> = {
  title: { 'zh-CN': '派工', en: 'Assign installer' },
  fields: [
    noField,
    { name: 'assignee', label: { 'zh-CN': '安装人', en: 'Installer' }, kind: 'text' },
    { name: 'due', label: { 'zh-CN': '截止日期', en: 'Due date' }, kind: 'date', optional: true },
  ],
  parse(values, ctx) {
    const parsed = parseAssign(`${values.no ?? ''} ${values.assignee ?? ''}`, ctx);
    if ('problem' in parsed) return { errors: { [values.no?.trim() ? 'assignee' : 'no']: parsed.problem } };
    const dueText = (values.due ?? '').trim();
    if (!dueText) return parsed;
    const due = readDue(dueText, ctx);
    return 'problem' in due ? { errors: { due: due.problem } } : { args: { ...parsed.args, due: due.date } };
  },
};

const reportForm: FormSpec<ReportArgs> = {
  title: { 'zh-CN': '安装完成', en: 'Installation done' },
  fields: [
    noField,
    { name: 'note', label: { 'zh-CN': '备注', en: 'Note' }, kind: 'textarea' },
    { name: 'photo', label: { 'zh-CN': '照片链接', en: 'Photo link' }, kind: 'text', optional: true },
  ],
  parse(values, ctx) {
    const photo = (values.photo ?? '').trim();
    if (photo && !/^https?:\/\/\S+$/i.test(photo))
      return {
        errors: { photo: tr(ctx.locale, { 'zh-CN': '照片要是一个链接。', en: 'The photo must be a link.' }) },
      };
    const parsed = parseReport(`${values.no ?? ''} ${(values.note ?? '').replace(/\s+/g, ' ')}`, ctx);
    if ('problem' in parsed) return { errors: { [values.no?.trim() ? 'note' : 'no']: parsed.problem } };
    return { args: { ...parsed.args, photo: photo || parsed.args.photo } };
  },
};

export const installCommands: CommandSpec[] = [
  defineCommand<AssignArgs>({
    intent: 'orders.install.assign',
    writes: true,
    preview: async (ctx, a) => [
      [tr(ctx.locale, noField.label), a.no],
      [tr(ctx.locale, { 'zh-CN': '安装人', en: 'Installer' }), a.assignee],
      ...(a.due ? [[tr(ctx.locale, { 'zh-CN': '截止', en: 'Due' }), a.due] as [string, string]] : []),
    ],
    area: 'orders',
    keywords: { 'zh-CN': ['派工', '派安装'], en: ['assign install', 'assign installer'] },
    summary: { 'zh-CN': '派安装人员去已送达的订单', en: 'Send an installer to a delivered order' },
    usage: {
      'zh-CN': '派工 <单号> <安装人> [截止 <日期>]',
      en: 'assign install <no> <installer> [due <date>]',
    },
    examples: {
      'zh-CN': ['派工 SO-1001 王强 截止 周五'],
      en: ['assign install SO-1001 Wang Qiang due Friday'],
    },
    parse: parseAssign,
    handle: (ctx, args) => assignFromChat(ctx, args),
    form: assignForm,
  }),
  defineCommand<ReportArgs>({
    intent: 'orders.install.done',
    writes: true,
    preview: async (ctx, a) => [
      [tr(ctx.locale, noField.label), a.no],
      [tr(ctx.locale, { 'zh-CN': '备注', en: 'Note' }), a.note],
      ...(a.photo ? [[tr(ctx.locale, { 'zh-CN': '照片', en: 'Photo' }), a.photo] as [string, string]] : []),
    ],
    area: 'orders',
    keywords: { 'zh-CN': ['安装完成', '完成安装'], en: ['installation done', 'install done'] },
    summary: {
      'zh-CN': '报告安装完成（可附照片链接）',
      en: 'Report an installation done (photo link optional)',
    },
    usage: {
      'zh-CN': '安装完成 <单号> <备注> [照片链接]',
      en: 'installation done <no> <note> [photo link]',
    },
    examples: {
      'zh-CN': ['安装完成 SO-1001 已调试，客户签字 https://img.example/1.jpg'],
      en: ['installation done SO-1001 tested, customer signed https://img.example/1.jpg'],
    },
    parse: parseReport,
    handle: (ctx, args) => reportFromChat(ctx, args),
    form: reportForm,
  }),
];
