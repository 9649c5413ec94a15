import { type CommandSpec, defineCommand } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { noArgs } from '../../src/bot/no-args.js';
import { decisionQuestions } from './decision-questions.js';
import { changeAndTell, showList, showRequest, withdrawing } from './handlers.js';
import { employeeOrSay, refCommand } from './ref-commands.js';
import { findVisible } from './service.js';
import * as workflow from './workflow.js';

const problems = {
  ...decisionQuestions,
  unknown: { 'zh-CN': '没有审批单 {no}。', en: 'There is no request {no}.' },
};

export const manageCommands: CommandSpec[] = [
  defineCommand<Record<string, never>>({
    intent: 'approvals.mine',
    area: 'approvals',
    keywords: { 'zh-CN': ['我的申请', '我的审批'], en: ['my requests'] },
    summary: { 'zh-CN': '我发起的申请和状态', en: 'Requests you filed, with their status' },
    usage: { 'zh-CN': '我的申请', en: 'my requests' },
    examples: { 'zh-CN': ['我的申请'], en: ['my requests'] },
    parse: noArgs,
    handle: (ctx) => showList(ctx, 'mine'),
  }),
  defineCommand<Record<string, never>>({
    intent: 'approvals.pending',
    area: 'approvals',
    keywords: { 'zh-CN': ['待我审批', '待审批'], en: ['pending approvals', 'pending'] },
    summary: { 'zh-CN': '等我审批的申请', en: 'Requests waiting for your decision' },
    usage: { 'zh-CN': '待我审批', en: 'pending' },
    examples: { 'zh-CN': ['待我审批'], en: ['pending'] },
    parse: noArgs,
    handle: (ctx) => showList(ctx, 'pending'),
  }),
  refCommand({
    intent: 'approvals.show',
    keywords: { 'zh-CN': ['查看审批', '审批单'], en: ['show request', 'request status'] },
    summary: { 'zh-CN': '查看一个申请及其全部记录', en: 'One request with its full history' },
    usage: { 'zh-CN': '查看审批 <单号>', en: 'show request <no>' },
    examples: { 'zh-CN': ['查看审批 AP-1001'], en: ['show request AP-1001'] },
    handle: (ctx, { no }) => showRequest(ctx, no),
  }),
  refCommand({
    intent: 'approvals.approve',
    writes: true,
    keywords: { 'zh-CN': ['同意', '批准'], en: ['approve'] },
    summary: { 'zh-CN': '同意一个申请', en: 'Approve a request' },
    usage: { 'zh-CN': '同意 <单号> [意见]', en: 'approve <no> [comment]' },
    examples: { 'zh-CN': ['同意 AP-1001'], en: ['approve AP-1001 enjoy'] },
    handle: (ctx, { no, text }) =>
      changeAndTell(ctx, no, (doc, me, at) => workflow.decide(doc, me, 'approved', text, at)),
    form: {
      title: { 'zh-CN': '同意申请', en: 'Approve request' },
      field: { name: 'comment', label: { 'zh-CN': '意见', en: 'Comment' }, kind: 'textarea', optional: true },
    },
  }),
  refCommand({
    intent: 'approvals.reject',
    // said with a no ("不能批", "不需要了", "不跟了", "不要打扰")
    negative: true,
    writes: true,
    needsText: problems.reason,
    keywords: { 'zh-CN': ['拒绝', '驳回'], en: ['reject', 'decline'] },
    summary: { 'zh-CN': '拒绝一个申请（需写原因）', en: 'Reject a request (with a reason)' },
    usage: { 'zh-CN': '拒绝 <单号> <原因>', en: 'reject <no> <reason>' },
    examples: { 'zh-CN': ['拒绝 AP-1001 项目关键期'], en: ['reject AP-1001 release week'] },
    handle: (ctx, { no, text }) =>
      changeAndTell(ctx, no, (doc, me, at) => workflow.decide(doc, me, 'rejected', text, at)),
    form: {
      title: { 'zh-CN': '拒绝申请', en: 'Reject request' },
      field: { name: 'reason', label: { 'zh-CN': '原因', en: 'Reason' }, kind: 'textarea' },
    },
  }),
  refCommand({
    intent: 'approvals.withdraw',
    // said with a no ("不能批", "不需要了", "不跟了", "不要打扰")
    negative: true,
    writes: true,
    keywords: { 'zh-CN': ['撤回'], en: ['withdraw'] },
    summary: {
      'zh-CN': '撤回自己审批中的申请，或已批准、尚未开始的请假',
      en: 'Withdraw your pending request, or approved leave not yet begun',
    },
    usage: { 'zh-CN': '撤回 <单号>', en: 'withdraw <no>' },
    examples: { 'zh-CN': ['撤回 AP-1001'], en: ['withdraw AP-1001'] },
    handle: (ctx, { no }) => changeAndTell(ctx, no, withdrawing(ctx)),
  }),
  refCommand({
    intent: 'approvals.urge',
    writes: true,
    keywords: { 'zh-CN': ['催办'], en: ['urge', 'remind approvers'] },
    summary: { 'zh-CN': '提醒当前审批人（每小时一次）', en: 'Remind the current approvers (once an hour)' },
    usage: { 'zh-CN': '催办 <单号>', en: 'urge <no>' },
    examples: { 'zh-CN': ['催办 AP-1001'], en: ['urge AP-1001'] },
    handle: (ctx, { no }) => changeAndTell(ctx, no, (doc, me, at) => workflow.urge(doc, me, at)),
  }),
  refCommand({
    intent: 'approvals.reassign',
    writes: true,
    needsText: problems.to,
    keywords: { 'zh-CN': ['转交'], en: ['reassign', 'hand over'] },
    summary: { 'zh-CN': '把你的审批转交给别人', en: 'Hand your approval to someone else' },
    usage: { 'zh-CN': '转交 <单号> <邮箱或姓名>', en: 'reassign <no> <email or name>' },
    examples: { 'zh-CN': ['转交 AP-1001 sun.li@demo.example'], en: ['reassign AP-1001 sun.li@demo.example'] },
    async handle(ctx, { no, text }) {
      const to = await employeeOrSay(ctx, text);
      if (!to) return;
      await changeAndTell(ctx, no, (doc, me, at) => workflow.transfer(doc, me, to, '', at));
    },
  }),
  refCommand({
    intent: 'approvals.comment',
    writes: true,
    needsText: problems.text,
    keywords: { 'zh-CN': ['评论'], en: ['comment'] },
    summary: { 'zh-CN': '在申请上留言', en: 'Comment on a request' },
    usage: { 'zh-CN': '评论 <单号> <内容>', en: 'comment <no> <text>' },
    examples: { 'zh-CN': ['评论 AP-1001 请补充票据'], en: ['comment AP-1001 please attach the receipt'] },
    async handle(ctx, { no, text }) {
      // only people who may see a request may write on it
      if ('ok' in (await findVisible(no, ctx.person)))
        return ctx.reply(tr(ctx.locale, problems.unknown, { no }));
      await changeAndTell(ctx, no, (doc, me, at) => workflow.comment(doc, me, text, at));
    },
  }),
];
