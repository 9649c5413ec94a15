import mongoose from 'mongoose';
import type { ApprovalRequestDoc } from '../../db/models/approval-request.js';
import type { TurnContext } from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import { namesOf } from '../org/api.js';
import { attachmentField, MAX_ATTACHMENTS, splitAttachments, tooMany } from './attachments.js';
import { listCard, requestCard, statusLabel } from './cards.js';
import { applyApproval, applyClosing } from './effects.js';
import { listMine, listPending } from './lists.js';
import { announceChange, announceSubmitted } from './messaging.js';
import type { Reached } from './reminders.js';
import { requestType } from './requests/index.js';
import {
  type Changed,
  changeRequest,
  findVisible,
  planRequest,
  type Refused,
  submitRequest,
} from './service.js';
import type { Change, Refusal } from './workflow.js';
import * as workflow from './workflow.js';

type Id = mongoose.Types.ObjectId;
const viewer = (ctx: TurnContext) => ({
  id: ctx.person.id,
  locale: ctx.locale,
  timezone: ctx.person.timezone,
});

const t = {
  type: { 'zh-CN': '类型', en: 'Type' },
  route: { 'zh-CN': '审批人', en: 'Approvers' },
  autoApproved: { 'zh-CN': '无需审批，直接通过', en: 'none: approved at once' },
  notFound: { 'zh-CN': '没有审批单 {no}。', en: 'There is no request {no}.' },
  notVisible: { 'zh-CN': '你无权查看 {no}。', en: 'You cannot see {no}.' },
  closed: { 'zh-CN': '{no} {status}{by}。', en: '{no} is already {status}{by}.' },
  by: { 'zh-CN': '（{name} 处理）', en: ' (by {name})' },
  decidedBy: {
    'zh-CN': '{no} 的这一步已由 {name} 处理。',
    en: 'This step of {no} was already decided by {name}.',
  },
  notApprover: {
    'zh-CN': '你不是 {no} 当前的审批人。',
    en: 'You are not a current approver of {no}.',
  },
  notRequester: { 'zh-CN': '只有申请人可以这样做。', en: 'Only the requester can do that.' },
  tooSoon: { 'zh-CN': '一小时内只能催办一次。', en: 'You can urge at most once an hour.' },
  notReturned: {
    'zh-CN': '{no} 没有被退回，还在审批中，无需重新提交。',
    en: '{no} was not sent back; it is still pending, so there is nothing to resubmit.',
  },
  noSuchStep: {
    'zh-CN': '只能退回到当前步骤之前的步骤（第 1 到 {max} 步）。',
    en: 'You can only send it back to an earlier step (step 1 to {max}).',
  },
  noEarlierStep: {
    'zh-CN': '{no} 还在第一步，只能退回给申请人。',
    en: '{no} is at its first step; it can only go back to the requester.',
  },
  badSigner: {
    'zh-CN': '不能加签申请人本人或本步骤已有的审批人。',
    en: 'The signer cannot be the requester or someone already on this step.',
  },
  tooManyFiles: {
    'zh-CN': '{no} 的附件最多 {max} 个，没有添加。',
    en: '{no} can have at most {max} attachments; nothing was added.',
  },
  noQuestion: { 'zh-CN': '{no} 没有待答复的问题。', en: 'Nobody asked a question on {no}.' },
  urgeQuiet: {
    'zh-CN': '{n} 位审批人正处于免打扰时段，提醒将在时段结束后发出。',
    en: ' {n} approver(s) are in their quiet hours; they get it when those end.',
  },
  urgeMuted: {
    'zh-CN': '{n} 位审批人已关闭提醒，请直接联系。',
    en: ' {n} approver(s) turned reminders off; reach them directly.',
  },
  done: {
    recorded: {
      'zh-CN': '已记录你对 {no} 的意见，等待其他审批人。',
      en: 'Your decision on {no} is recorded; waiting for the others.',
    },
    advanced: { 'zh-CN': '已同意 {no}，已转下一步。', en: 'Approved {no}; it moves to the next step.' },
    approved: { 'zh-CN': '已同意 {no}，审批完成。', en: 'Approved {no}; it is now fully approved.' },
    rejected: { 'zh-CN': '已拒绝 {no}。', en: 'Rejected {no}.' },
    withdrawn: { 'zh-CN': '已撤回 {no}。', en: 'Withdrew {no}.' },
    transferred: { 'zh-CN': '已把 {no} 转交出去。', en: 'Handed {no} over.' },
    urged: { 'zh-CN': '已催办 {no}。', en: 'Reminded the approvers of {no}.' },
    commented: { 'zh-CN': '已在 {no} 上留言。', en: 'Comment added to {no}.' },
    'sent-back': { 'zh-CN': '已退回 {no}。', en: 'Sent {no} back.' },
    resubmitted: {
      'zh-CN': '已重新提交 {no}，等待审批。',
      en: 'Resubmitted {no}; it waits for approval again.',
    },
    'signer-added': { 'zh-CN': '已为 {no} 加签。', en: 'Added a signer to {no}.' },
    asked: {
      'zh-CN': '已向申请人提问，{no} 等待答复。',
      en: 'Asked the requester; {no} waits for their answer.',
    },
    answered: { 'zh-CN': '已答复 {no}，审批人会收到。', en: 'Answered on {no}; the approver gets it.' },
    escalated: { 'zh-CN': '{no} 已超时，升级给上级。', en: '{no} ran out of time and went to the manager.' },
    attached: { 'zh-CN': '已为 {no} 添加附件。', en: 'Attached to {no}.' },
  } satisfies Record<Change['event'], Text>,
};

/**
 * Files a request and sends its approvers their cards; the requester gets the request as a card.
 * What the type asks to confirm first (leave in the past) is proposed instead, once.
 */
export async function fileRequest(
  ctx: TurnContext,
  type: string,
  data: Record<string, unknown>,
): Promise<void> {
  const today = ctx.now.toISODate() ?? '';
  const { fields, attachments } = splitAttachments(data, ctx.files);
  const refused = tooMany(attachments.length, ctx.locale);
  if (refused) return ctx.reply(refused);
  const why = ctx.confirmed ? null : requestType(type).confirmWhy?.(fields, today);
  if (why) {
    const preview = await previewRequest(ctx, type, data);
    await ctx.propose({
      intent: requestType(type).intent,
      args: data,
      fields: preview,
      warning: tr(ctx.locale, why),
    });
    return;
  }
  const now = ctx.now.toJSDate();
  const doc = await submitRequest({ requester: ctx.person, type, data: fields, today, now, attachments });
  if (doc.status === 'approved') await applyApproval(doc, today);
  await announceSubmitted(ctx, doc);
  const names = await namesOf([doc.requesterId, ...doc.waitingFor, ...doc.history.map((h) => h.by)]);
  ctx.reply({ card: requestCard(doc, names, viewer(ctx)) });
}

/** A request before it is filed, as its card would read, with who would approve it. */
export async function previewRequest(
  ctx: TurnContext,
  type: string,
  data: Record<string, unknown>,
): Promise<[string, string][]> {
  const today = ctx.now.toISODate() ?? '';
  const { fields, attachments } = splitAttachments(data, ctx.files);
  const plan = await planRequest({ requester: ctx.person, type, data: fields, today });
  const names = await namesOf(plan.steps.flatMap((s) => s.approvers.map((a) => a.employeeId)));
  const route = plan.steps
    .map((s) =>
      s.approvers.map((a) => names.get(String(a.employeeId)) ?? '?').join(s.mode === 'all' ? ' + ' : ' / '),
    )
    .join(' → ');
  return [
    [tr(ctx.locale, t.type), tr(ctx.locale, requestType(type).label)],
    ...requestType(type).describe(plan.data, ctx.locale),
    [tr(ctx.locale, t.route), route || tr(ctx.locale, t.autoApproved)],
    ...attachmentField(attachments, ctx.locale),
  ];
}

export type ChangeFn = (doc: ApprovalRequestDoc, me: Id, at: Date) => Change | Refusal;

/**
 * Any change to a request, applied atomically (once, whoever else clicks at the same moment),
 * with what follows it: a final approval's effects, and every copy of every card brought up to date.
 */
export async function commitChange(ctx: TurnContext, no: string, change: ChangeFn) {
  const me = new mongoose.Types.ObjectId(ctx.person.id);
  const at = ctx.now.toJSDate();
  return followChange(ctx, await changeRequest(no.toUpperCase(), (doc) => change(doc, me, at), at));
}

type Committed = Awaited<ReturnType<typeof followChange>>;

/** What follows a change already written: a final approval's effects, every card brought up to date. */
export async function followChange(ctx: TurnContext, result: Changed | Refused) {
  if (!result.ok) return { result, reached: undefined };
  ctx.log.info({ no: result.doc.no, event: result.change.event }, 'approval changed');
  const today = ctx.now.toISODate() ?? '';
  const { event } = result.change;
  if (event === 'approved') await applyApproval(result.doc, today);
  if (event === 'rejected' || event === 'withdrawn')
    await applyClosing(result.doc, event, today, result.before.status === 'approved');
  return { result, reached: await announceChange(ctx, result, ctx.person.id) };
}

/** 撤回 as the requester asks it today: an approved request too, while its type still allows. */
export const withdrawing =
  (ctx: TurnContext): ChangeFn =>
  (doc, me, at) =>
    workflow.withdraw(
      doc,
      me,
      at,
      requestType(doc.type, doc.typeVersion).mayTakeBack?.(doc.data, ctx.now.toISODate() ?? '') ?? false,
    );

/** Any change to a request: committed, and answered in one line. */
export async function changeAndTell(ctx: TurnContext, no: string, change: ChangeFn): Promise<void> {
  await tellChange(ctx, no, await commitChange(ctx, no, change));
}

/** A change's outcome in one line: done, or why not. */
export async function tellChange(
  ctx: TurnContext,
  no: string,
  { result, reached }: Committed,
): Promise<void> {
  if (!result.ok) {
    ctx.reply(await explainRefusal(ctx, no.toUpperCase(), result));
    return;
  }
  const done = tr(ctx.locale, t.done[result.change.event], { no: result.doc.no });
  ctx.reply(reached ? done + urgeOutcome(ctx, reached) : done);
}

/** An honest urge receipt: who will only see it after their quiet hours, who muted reminders. */
function urgeOutcome(ctx: TurnContext, reached: Reached): string {
  const parts = [
    reached.quiet > 0 ? tr(ctx.locale, t.urgeQuiet, { n: reached.quiet }) : '',
    reached.muted > 0 ? tr(ctx.locale, t.urgeMuted, { n: reached.muted }) : '',
  ];
  return parts.join('');
}

/** Says why nothing happened; someone who lost a race is told who decided first. */
export async function explainRefusal(ctx: TurnContext, no: string, refused: Refused): Promise<string> {
  const { locale } = ctx;
  const doc = refused.doc;
  if (refused.refusal === 'not_found' || !doc) return tr(locale, t.notFound, { no });
  const decider = [...doc.history]
    .reverse()
    .find((h) => ['approved', 'rejected', 'withdrawn'].includes(h.action) && String(h.by) !== ctx.person.id);
  const names = await namesOf([decider?.by]);
  const name = decider?.by ? (names.get(String(decider.by)) ?? '?') : '';
  const by = name ? tr(locale, t.by, { name }) : '';
  const wasAsked = doc.steps.some((s) => s.approvers.some((a) => String(a.employeeId) === ctx.person.id));
  switch (refused.refusal) {
    case 'closed':
      return tr(locale, t.closed, { no, status: statusLabel(doc, locale), by });
    case 'not_approver':
      return wasAsked && name ? tr(locale, t.decidedBy, { no, name }) : tr(locale, t.notApprover, { no });
    case 'not_requester':
      return tr(locale, t.notRequester);
    case 'too_soon':
      return tr(locale, t.tooSoon);
    case 'not_returned':
      return tr(locale, t.notReturned, { no });
    case 'no_such_step':
      return doc.stepIndex === 0
        ? tr(locale, t.noEarlierStep, { no })
        : tr(locale, t.noSuchStep, { max: doc.stepIndex });
    case 'bad_signer':
      return tr(locale, t.badSigner);
    case 'too_many':
      return tr(locale, t.tooManyFiles, { no, max: MAX_ATTACHMENTS });
    case 'no_question':
      return tr(locale, t.noQuestion, { no });
    default:
      return tr(locale, t.notVisible, { no });
  }
}

export async function showRequest(ctx: TurnContext, no: string): Promise<void> {
  const found = await findVisible(no, ctx.person);
  if ('ok' in found) {
    ctx.reply(await explainRefusal(ctx, no.toUpperCase(), found));
    return;
  }
  const names = await namesOf([
    found.requesterId,
    ...found.waitingFor,
    ...found.history.map((h) => h.by),
    ...found.steps.flatMap((s) => s.approvers.flatMap((a) => [a.employeeId, a.standsInFor])),
  ]);
  ctx.reply({ card: requestCard(found, names, viewer(ctx)) });
}

export async function showList(ctx: TurnContext, kind: 'mine' | 'pending'): Promise<void> {
  const docs =
    kind === 'mine' ? await listMine(ctx.person.id) : await listPending(ctx.person.id, ctx.now.toJSDate());
  const names = await namesOf(docs.map((d) => d.requesterId));
  ctx.reply({ card: listCard(kind, docs, names, viewer(ctx)) });
}
