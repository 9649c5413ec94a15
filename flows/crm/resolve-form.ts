import type { FormSpec } from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';

const problems = {
  no: { 'zh-CN': '请写上工单号，如 TK-1001。', en: 'Give the ticket number, e.g. TK-1001.' },
  note: { 'zh-CN': '请写上处理说明。', en: 'Say what was done.' },
} satisfies Record<string, Text>;

/** "Resolve ticket" as a form: the Resolve button opens it, since the note cannot ride on a button. */
export const resolveForm: FormSpec<{ no: string; note: string }> = {
  title: { 'zh-CN': '解决工单', en: 'Resolve ticket' },
  fields: [
    { name: 'no', label: { 'zh-CN': '工单号', en: 'Ticket' }, kind: 'text' },
    { name: 'note', label: { 'zh-CN': '处理说明', en: 'What was done' }, kind: 'textarea' },
  ],
  parse(values, ctx) {
    const no = /^TK-\d+$/i.exec((values.no ?? '').trim())?.[0]?.toUpperCase();
    const note = (values.note ?? '').trim().slice(0, 2000);
    const errors: Record<string, string> = {};
    if (!no) errors.no = tr(ctx.locale, problems.no);
    if (!note) errors.note = tr(ctx.locale, problems.note);
    return no && note ? { args: { no, note } } : { errors };
  },
};
