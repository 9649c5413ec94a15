import { ApprovalRequest, type ApprovalRequestDoc } from '../../db/models/approval-request.js';
import type { JobSpec, Reminders } from '../../src/bot/flow.js';
import { ageText, tr } from '../../src/bot/i18n.js';
import { remindApprovers } from './messaging.js';

const waitingNote = {
  'zh-CN': '⏰ 已等你审批 {age}',
  en: '⏰ Waiting {age} for your decision',
};

/** When the current approvers started waiting: the step began (submitted, advanced) or was handed over. */
export function waitingSince(doc: ApprovalRequestDoc): Date {
  const starts = doc.history.filter(
    (h) =>
      h.action === 'submitted' ||
      (h.step !== null && h.step < doc.stepIndex) ||
      (h.action === 'transferred' && h.step === doc.stepIndex),
  );
  return new Date(Math.max(doc.createdAt.getTime(), ...starts.map((h) => h.at.getTime())));
}

/**
 * Approvers of a request pending longer than APPROVAL_REMINDER_HOURS get a reminder card, once per
 * such period (after 24 h, 48 h, …): the period is part of the delivery key.
 */
export async function remindWaitingApprovals(now: Date, reminders: Reminders): Promise<{ reminded: number }> {
  const periodMs = reminders.config.approvalReminderHours * 3_600_000;
  const pending = await ApprovalRequest.find({ status: 'pending' })
    .sort({ updatedAt: 1 })
    .lean<ApprovalRequestDoc[]>();
  const due = pending.flatMap((doc) => {
    const since = waitingSince(doc);
    const period = Math.floor((now.getTime() - since.getTime()) / periodMs);
    if (period < 1) return [];
    const keyOf = (id: unknown) => `approval-waiting:${doc.no}:${id}:${since.getTime()}:${period}`;
    return [{ doc, since, keyOf }];
  });
  // most runs find every reminder already sent: one query instead of a card per request
  const done = await reminders.delivered(due.flatMap(({ doc, keyOf }) => doc.waitingFor.map(keyOf)));
  let reminded = 0;
  for (const { doc, since, keyOf } of due) {
    if (doc.waitingFor.every((id) => done.has(keyOf(id)))) continue;
    reminded += await remindApprovers(reminders, doc, {
      at: now,
      keyOf,
      note: (viewer) => tr(viewer.locale, waitingNote, { age: ageText(since, now, viewer.locale) }),
    });
  }
  return { reminded };
}

export const approvalJobs: JobSpec[] = [
  {
    name: 'approvals.remindWaiting',
    every: '15 minutes',
    run: ({ now, reminders }) => remindWaitingApprovals(now, reminders),
  },
];
