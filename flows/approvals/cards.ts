import { DateTime } from 'luxon';
import type { ApprovalRequestDoc, ApprovalStep, Deadline } from '../../db/models/approval-request.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import type { Button, Card, CardStatus, Locale } from '../../src/bot/types.js';
import { attachmentField } from './attachments.js';
import { policyStepLabel } from './policy.js';
import { requestType } from './requests/index.js';

export type Viewer = { id: string; locale: Locale; timezone: string };
type Names = Map<string, string>;

const t = {
  status: {
    pending: { 'zh-CN': '审批中', en: 'pending' },
    approved: { 'zh-CN': '已通过', en: 'approved' },
    rejected: { 'zh-CN': '已拒绝', en: 'rejected' },
    withdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
    returned: { 'zh-CN': '已退回', en: 'sent back' },
  },
  action: {
    submitted: { 'zh-CN': '提交', en: 'submitted' },
    approved: { 'zh-CN': '同意', en: 'approved' },
    rejected: { 'zh-CN': '拒绝', en: 'rejected' },
    withdrawn: { 'zh-CN': '撤回', en: 'withdrew' },
    transferred: { 'zh-CN': '转交', en: 'transferred' },
    urged: { 'zh-CN': '催办', en: 'urged' },
    commented: { 'zh-CN': '评论', en: 'commented' },
    'sent-back': { 'zh-CN': '退回给申请人', en: 'sent it back to the requester' },
    'sent-back-step': { 'zh-CN': '退回到之前的步骤', en: 'sent it back to an earlier step' },
    resubmitted: { 'zh-CN': '修改后重新提交', en: 'edited and resubmitted' },
    'signer-added-before': { 'zh-CN': '加签（在本步之前）', en: 'added a signer before this step' },
    'signer-added-after': { 'zh-CN': '加签（在本步之后）', en: 'added a signer after this step' },
    asked: { 'zh-CN': '要求补充信息', en: 'asked for more information' },
    answered: { 'zh-CN': '补充了信息', en: 'answered' },
    'auto-approved': { 'zh-CN': '无需审批，自动通过', en: 'auto-approved (no approver above)' },
    escalated: { 'zh-CN': '超时，升级给上级', en: 'out of time: escalated to the manager' },
    attached: { 'zh-CN': '添加附件', en: 'attached' },
    'system-approved': { 'zh-CN': '超时，系统自动同意', en: 'out of time: approved by the system' },
    'system-sent-back': {
      'zh-CN': '超时，系统自动退回给申请人',
      en: 'out of time: sent back to the requester by the system',
    },
  } as Record<string, Text>,
  step: { 'zh-CN': '步骤', en: 'Step' },
  waiting: { 'zh-CN': '待审批人', en: 'Waiting for' },
  standsIn: { 'zh-CN': '{name} 代 {other} 审批（{why}）', en: '{name} decides for {other} ({why})' },
  why: {
    'on-leave': { 'zh-CN': '休假中', en: 'on leave' },
    self: { 'zh-CN': '本人申请', en: 'own request' },
    transferred: { 'zh-CN': '转交', en: 'handed over' },
    escalated: { 'zh-CN': '超时升级', en: 'escalated' },
  } as Record<string, Text>,
  deadline: { 'zh-CN': '时限', en: 'Time limit' },
  deadlineDoes: {
    manager: { 'zh-CN': '将于 {when} 升级', en: 'escalates {when}' },
    approve: { 'zh-CN': '将于 {when} 自动同意', en: 'auto-approves {when}' },
    'send-back': { 'zh-CN': '将于 {when} 自动退回', en: 'sent back automatically {when}' },
  } as Record<string, Text>,
  approve: { 'zh-CN': '同意', en: 'Approve' },
  reject: { 'zh-CN': '拒绝', en: 'Reject' },
  withdraw: { 'zh-CN': '撤回', en: 'Withdraw' },
  urge: { 'zh-CN': '催办', en: 'Urge' },
  approveWithComment: { 'zh-CN': '同意并留言', en: 'Approve with comment' },
  sendBack: { 'zh-CN': '退回', en: 'Send back' },
  addSigner: { 'zh-CN': '加签', en: 'Add signer' },
  ask: { 'zh-CN': '要求补充', en: 'Need more info' },
  answer: { 'zh-CN': '答复', en: 'Answer' },
  resubmit: { 'zh-CN': '修改并重新提交', en: 'Edit and resubmit' },
  question: { 'zh-CN': '{name} 的问题', en: 'Question from {name}' },
  returnedTo: { 'zh-CN': '等待', en: 'Waiting for' },
  requesterEdits: { 'zh-CN': '{name} 修改后重新提交', en: '{name} to edit and resubmit' },
  approveAll: { 'zh-CN': '全部同意（{n}）', en: 'Approve all shown ({n})' },
  approveAllExcept: { 'zh-CN': '除了…全部同意', en: 'Approve all except…' },
  none: { 'zh-CN': '暂无', en: 'Nothing here.' },
  mine: { 'zh-CN': '我的申请', en: 'My requests' },
  pending: { 'zh-CN': '待我审批', en: 'Waiting for me' },
};

const STATUS_STYLE: Record<string, CardStatus> = {
  pending: 'pending',
  approved: 'approved',
  rejected: 'rejected',
  withdrawn: 'info',
  returned: 'warning',
};

/** "王芳 approved" / "王芳 同意": one history entry, for lists that show only the latest. */
export function actionLine(
  entry: { by: unknown; action: string; comment: string },
  names: Names,
  locale: Locale,
) {
  const who = entry.by ? (names.get(String(entry.by)) ?? '') : '';
  const what = tr(locale, t.action[entry.action] ?? { 'zh-CN': entry.action, en: entry.action });
  return `${who} ${what}${entry.comment ? `: ${entry.comment}` : ''}`.trim();
}

/** "人事" / "HR": the label the request was filed with, else the policy's, else the name. */
export const stepLabel = (step: ApprovalStep, locale: Locale) =>
  (step.label ?? policyStepLabel(step.name))?.[locale] ?? step.name;

export const statusLabel = (doc: ApprovalRequestDoc, locale: Locale) => tr(locale, t.status[doc.status]);
export const typeLabel = (doc: ApprovalRequestDoc, locale: Locale) =>
  tr(locale, requestType(doc.type, doc.typeVersion).label);

/** The request as one person sees it; approvers and the requester get the buttons that apply to them. */
export function requestCard(doc: ApprovalRequestDoc, names: Names, viewer: Viewer): Card {
  const { locale } = viewer;
  const name = (id: unknown) => names.get(String(id)) ?? '?';
  const step = doc.steps[doc.stepIndex];
  const fields: [string, string][] = requestType(doc.type, doc.typeVersion).describe(doc.data, locale);
  if (doc.status === 'pending' && step) {
    fields.push([tr(locale, t.step), `${doc.stepIndex + 1}/${doc.steps.length} ${stepLabel(step, locale)}`]);
    fields.push([tr(locale, t.waiting), doc.waitingFor.map(name).join(', ')]);
    for (const a of step.approvers.filter((x) => x.standsInFor && x.reason)) {
      fields.push([
        '',
        tr(locale, t.standsIn, {
          name: name(a.employeeId),
          other: name(a.standsInFor),
          why: tr(locale, t.why[a.reason ?? 'self'] ?? t.standsIn),
        }),
      ]);
    }
  }
  if (doc.status === 'pending' && doc.deadline)
    fields.push([tr(locale, t.deadline), deadlineText(doc.deadline, viewer)]);
  if (doc.status === 'pending' && doc.question)
    fields.push([tr(locale, t.question, { name: name(doc.question.by) }), doc.question.text]);
  if (doc.status === 'returned')
    fields.push([tr(locale, t.returnedTo), tr(locale, t.requesterEdits, { name: name(doc.requesterId) })]);
  fields.push(...attachmentField(doc.attachments, locale));
  return {
    title: `${typeLabel(doc, locale)} ${doc.no} · ${name(doc.requesterId)}`,
    subtitle: statusLabel(doc, locale),
    fields,
    body: historyLines(doc, names, viewer),
    status: STATUS_STYLE[doc.status],
    actions: buttonsFor(doc, viewer),
  };
}

/** "escalates Thu 18:00" / "将于 周四 18:00 升级", in the reader's zone and language. */
export function deadlineText(deadline: Deadline, viewer: Viewer): string {
  const when = DateTime.fromJSDate(deadline.at, { zone: viewer.timezone })
    .setLocale(viewer.locale)
    .toFormat('ccc HH:mm');
  return tr(viewer.locale, t.deadlineDoes[deadline.action] ?? t.deadline, { when });
}

/** Approve / Reject for one request; `labelled` adds its number where several share a card. */
export function decisionButtons(no: string, locale: Locale, labelled = false): Button[] {
  const suffix = labelled ? ` ${no}` : '';
  return [
    { actionId: 'approvals.approve', label: tr(locale, t.approve) + suffix, style: 'primary', value: no },
    { actionId: 'approvals.reject', label: tr(locale, t.reject) + suffix, style: 'danger', value: no },
  ];
}

const button = (
  actionId: string,
  label: Text,
  locale: Locale,
  value: string,
  style: Button['style'] = 'default',
) => ({
  actionId: `approvals.${actionId}`,
  label: tr(locale, label),
  style,
  value,
});

/**
 * What the person the card is for can do with it now: decide, answer, resubmit, urge, withdraw.
 * Each button also names who may press it, so a copy that reaches someone else (a forwarded or
 * stored card updated for another reader) drops it.
 */
function buttonsFor(doc: ApprovalRequestDoc, viewer: Viewer): Button[] {
  const approvers = { ids: doc.waitingFor.map(String) };
  const requester = { ids: [String(doc.requesterId)] };
  return ownButtons(doc, viewer).map((b) => ({
    ...b,
    for: REQUESTER_ACTIONS.has(b.actionId) ? requester : approvers,
  }));
}

const REQUESTER_ACTIONS = new Set(['resubmit', 'withdraw', 'answer', 'urge'].map((a) => `approvals.${a}`));

function ownButtons(doc: ApprovalRequestDoc, viewer: Viewer): Button[] {
  const { locale } = viewer;
  const mine = String(doc.requesterId) === viewer.id;
  if (doc.status === 'returned' && mine)
    return [
      button('resubmit', t.resubmit, locale, resubmitValue(doc), 'primary'),
      button('withdraw', t.withdraw, locale, doc.no, 'danger'),
    ];
  if (doc.status !== 'pending') return [];
  if (doc.waitingFor.some((id) => String(id) === viewer.id))
    return [
      ...decisionButtons(doc.no, locale),
      button('approve-comment', t.approveWithComment, locale, doc.no),
      button('send-back', t.sendBack, locale, doc.no),
      button('add-signer', t.addSigner, locale, doc.no),
      button('ask', t.ask, locale, doc.no),
    ];
  if (!mine) return [];
  return [
    ...(doc.question ? [button('answer', t.answer, locale, doc.no, 'primary')] : []),
    button('urge', t.urge, locale, doc.no),
    button('withdraw', t.withdraw, locale, doc.no, 'danger'),
  ];
}

/**
 * The resubmit button carries the type's form and the request as filed, so the form opens with
 * the fields to edit (each value cut to 200 characters: a button value is at most 2000).
 */
function resubmitValue(doc: ApprovalRequestDoc): string {
  const draft: Record<string, string> = { no: doc.no };
  for (const f of requestType(doc.type).formFields) {
    const v = doc.data[f.name];
    if (v !== undefined && v !== null && typeof v !== 'object') draft[f.name] = String(v).slice(0, 200);
  }
  return JSON.stringify({ intent: resubmitIntent(doc.type), draft });
}

export const MAX_BULK = 50;

export const resubmitIntent = (type: string) => `approvals.resubmit.${type}`;

/** "Approve all shown" and "approve all except…" for a list of requests waiting for one person. */
export function bulkButtons(all: string[], locale: Locale): Button[] {
  if (all.length < 2) return [];
  // a button value is at most 2000 characters: the oldest 50 at most, which is also plenty to confirm
  const nos = all.slice(0, MAX_BULK);
  const value = nos.join(' ');
  return [
    {
      ...button('approve-all', t.approveAll, locale, value, 'primary'),
      label: tr(locale, t.approveAll, { n: nos.length }),
    },
    button('approve-all-except', t.approveAllExcept, locale, value),
  ];
}

function historyLines(doc: ApprovalRequestDoc, names: Names, viewer: Viewer): string {
  return doc.history
    .slice(-10)
    .map((h) => {
      const when = DateTime.fromJSDate(h.at, { zone: viewer.timezone }).toFormat('MM-dd HH:mm');
      return `${when} ${actionLine(h, names, viewer.locale)}`.replace(/\s+/g, ' ');
    })
    .join('\n');
}

/** A short list (mine, pending for me), each line a request; pending-for-me rows get buttons. */
export function listCard(
  kind: 'mine' | 'pending',
  docs: ApprovalRequestDoc[],
  names: Names,
  viewer: Viewer,
): Card {
  const { locale } = viewer;
  return {
    title: tr(locale, t[kind]),
    fields: docs.map((d) => [
      `${d.no} ${typeLabel(d, locale)}`,
      `${statusLabel(d, locale)} · ${names.get(String(d.requesterId)) ?? ''} · ${summary(d, locale)}`,
    ]),
    body: docs.length === 0 ? tr(locale, t.none) : undefined,
    status: 'info',
    actions:
      kind === 'pending'
        ? [
            ...docs.slice(0, 10).flatMap((d) => decisionButtons(d.no, locale, true)),
            ...bulkButtons(
              docs.map((d) => d.no),
              locale,
            ),
          ]
        : [],
  };
}

function summary(doc: ApprovalRequestDoc, locale: Locale): string {
  return requestType(doc.type, doc.typeVersion)
    .describe(doc.data, locale)
    .slice(0, 2)
    .map(([, v]) => v)
    .join(' · ')
    .slice(0, 80);
}
