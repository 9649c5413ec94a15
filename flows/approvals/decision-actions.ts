import type { ActionSpec } from '../../src/bot/flow.js';
import { readFormButton } from '../../src/bot/forms.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import { approveAll } from './bulk.js';

/**
 * The card buttons for decisions that need words (a comment, a reason, a person, a question):
 * a form where the platform has one, else the line to reply with.
 */
function formOrReply(actionId: string, intent: string, reply: Text, draftKey = 'no'): ActionSpec {
  return {
    actionId,
    form: (a) => ({ intent, draft: { [draftKey]: a.value } }),
    handle: async (ctx, a) => ctx.reply(tr(ctx.locale, reply, { no: a.value })),
  };
}

export const decisionActions: ActionSpec[] = [
  formOrReply('approvals.approve-comment', 'approvals.approve', {
    'zh-CN': '请回复：同意 {no} <意见>',
    en: 'Reply: approve {no} <comment>',
  }),
  formOrReply('approvals.send-back', 'approvals.send-back', {
    'zh-CN': '请回复：退回 {no} [到第N步] <原因>',
    en: 'Reply: send back {no} [to step N] <reason>',
  }),
  formOrReply('approvals.add-signer', 'approvals.add-signer', {
    'zh-CN': '请回复：加签 {no} [前|后] <邮箱或姓名>',
    en: 'Reply: add signer {no} [before|after] <email or name>',
  }),
  formOrReply('approvals.ask', 'approvals.ask', {
    'zh-CN': '请回复：要求补充 {no} <问题>',
    en: 'Reply: need more info {no} <question>',
  }),
  formOrReply('approvals.answer', 'approvals.answer', {
    'zh-CN': '请回复：答复 {no} <内容>',
    en: 'Reply: answer {no} <text>',
  }),
  formOrReply(
    'approvals.approve-all-except',
    'approvals.approve-all',
    { 'zh-CN': '请回复：全部同意 除了 <单号>…', en: 'Reply: approve all except <no>…' },
    'nos',
  ),
  {
    // the value is the type's resubmit form with the request as filed (cards.ts)
    actionId: 'approvals.resubmit',
    form: (a) => readFormButton(a.value),
    handle: async (ctx, a) =>
      ctx.reply(
        tr(
          ctx.locale,
          { 'zh-CN': '请回复：重新提交 {no} [要改的内容]', en: 'Reply: resubmit {no} [what to change]' },
          { no: readFormButton(a.value).draft.no ?? '' },
        ),
      ),
  },
  {
    actionId: 'approvals.approve-all',
    handle: (ctx, a) => approveAll(ctx, { nos: a.value.split(' ').filter(Boolean), except: [] }),
  },
];
