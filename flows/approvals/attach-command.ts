import { defineCommand } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { type Attachment, fromFiles, takeLinks, tooMany } from './attachments.js';
import { decisionQuestions } from './decision-questions.js';
import { commitChange, explainRefusal } from './handlers.js';
import { NO } from './ref-commands.js';
import { noteUploads } from './service.js';
import * as workflow from './workflow.js';

const nothing = {
  'zh-CN': '没有可添加的附件：请在这条消息里附上文件，或在单号后写链接。',
  en: 'Nothing to attach: send files with this message, or write links after the number.',
};

const done = { 'zh-CN': '已为 {no} 添加 {n} 个附件。', en: 'Attached {n} to {no}.' };

/** `附件 AP-1001 [links]`: the requester adds the links and the files sent with it. */
export const attachCommand = defineCommand<{ no: string; links: Attachment[] }>({
  intent: 'approvals.attach',
  area: 'approvals',
  writes: true,
  keywords: { 'zh-CN': ['附件', '添加附件'], en: ['attach'] },
  summary: { 'zh-CN': '给自己的申请添加文件或链接', en: 'Add files or links to your request' },
  usage: {
    'zh-CN': '附件 <单号> [链接]（文件随这条消息发送）',
    en: 'attach <no> [link] (send files with the message)',
  },
  examples: {
    'zh-CN': ['附件 AP-1001 https://example.com/receipt.pdf'],
    en: ['attach AP-1001 https://example.com/receipt.pdf'],
  },
  parse(rest, ctx) {
    const m = NO.exec(rest);
    if (!m?.[1]) return { problem: tr(ctx.locale, decisionQuestions.no) };
    const taken = takeLinks(m[2] ?? '', ctx.locale);
    if ('problem' in taken) return taken;
    return { args: { no: m[1].toUpperCase(), links: taken.links } };
  },
  async handle(ctx, { no, links }) {
    const more = [...links, ...fromFiles(ctx.files)];
    if (!more.length) return ctx.reply(tr(ctx.locale, nothing));
    const refused = tooMany(more.length, ctx.locale);
    if (refused) return ctx.reply(refused);
    const { result } = await commitChange(ctx, no, (doc, me, at) => workflow.attach(doc, me, more, at));
    if (!result.ok) return ctx.reply(await explainRefusal(ctx, no, result));
    await noteUploads(more, result.doc.no);
    ctx.reply(tr(ctx.locale, done, { no: result.doc.no, n: more.length }));
  },
});
