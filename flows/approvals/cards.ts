import { DateTime } from 'luxon';
import type { ApprovalRequestDoc, ApprovalStep } from '../../db/models/approval-request.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import type { Button, Card, CardStatus, Locale } from '../../src/bot/types.js';
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
  },
  action: {
    submitted: { 'zh-CN': '提交', en: 'submitted' },
    approved: { 'zh-CN': '同意', en: 'approved' },
    rejected: { 'zh-CN': '拒绝', en: 'rejected' },
    withdrawn: { 'zh-CN': '撤回', en: 'withdrew' },
    transferred: { 'zh-CN': '转交', en: 'transferred' },
    urged: { 'zh-CN': '催办', en: 'urged' },
    commented: { 'zh-CN': '评论', en: 'commented' },
    'auto-approved': { 'zh-CN': '无需审批，自动通过', en: 'auto-approved (no approver above)' },
  } as Record<string, Text>,
  step: { 'zh-CN': '步骤', en: 'Step' },
  waiting: { 'zh-CN': '待审批人', en: 'Waiting for' },
  standsIn: { 'zh-CN': '{name} 代 {other} 审批（{why}）', en: '{name} decides for {other} ({why})' },
  why: {
    'on-leave': { 'zh-CN': '休假中', en: 'on leave' },
    self: { 'zh-CN': '本人申请', en: 'own request' },
    transferred: { 'zh-CN': '转交', en: 'handed over' },
  } as Record<string, Text>,
  approve: { 'zh-CN': '同意', en: 'Approve' },
  reject: { 'zh-CN': '拒绝', en: 'Reject' },
  withdraw: { 'zh-CN': '撤回', en: 'Withdraw' },
  urge: { 'zh-CN': '催办', en: 'Urge' },
  none: { 'zh-CN': '暂无', en: 'Nothing here.' },
  mine: { 'zh-CN': '我的申请', en: 'My requests' },
  pending: { 'zh-CN': '待我审批', en: 'Waiting for me' },
};

const STATUS_STYLE: Record<string, CardStatus> = {
  pending: 'pending',
  approved: 'approved',
  rejected: 'rejected',
  withdrawn: 'info',
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
  return {
    title: `${typeLabel(doc, locale)} ${doc.no} · ${name(doc.requesterId)}`,
    subtitle: statusLabel(doc, locale),
    fields,
    body: historyLines(doc, names, viewer),
    status: STATUS_STYLE[doc.status],
    actions: buttonsFor(doc, viewer),
  };
}

/** Approve / Reject for one request; `labelled` adds its number where several share a card. */
export function decisionButtons(no: string, locale: Locale, labelled = false): Button[] {
  const suffix = labelled ? ` ${no}` : '';
  return [
    { actionId: 'approvals.approve', label: tr(locale, t.approve) + suffix, style: 'primary', value: no },
    { actionId: 'approvals.reject', label: tr(locale, t.reject) + suffix, style: 'danger', value: no },
  ];
}

function buttonsFor(doc: ApprovalRequestDoc, viewer: Viewer): Button[] {
  if (doc.status !== 'pending') return [];
  const { locale } = viewer;
  if (doc.waitingFor.some((id) => String(id) === viewer.id)) return decisionButtons(doc.no, locale);
  if (String(doc.requesterId) === viewer.id) {
    return [
      { actionId: 'approvals.urge', label: tr(locale, t.urge), style: 'default', value: doc.no },
      { actionId: 'approvals.withdraw', label: tr(locale, t.withdraw), style: 'danger', value: doc.no },
    ];
  }
  return [];
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
        ? docs
            .slice(0, 10)
            .flatMap((d) => buttonsFor(d, viewer).map((b) => ({ ...b, label: `${b.label} ${d.no}` })))
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
