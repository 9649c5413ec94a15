import { ApprovalRequest, type ApprovalRequestDoc, type CardCopy } from '../../db/models/approval-request.js';
import { findByIds } from '../../db/point-reads.js';
import type { Recipient } from '../../src/bot/deliveries.js';
import type { Reminders } from '../../src/bot/flow.js';
import { ageText, tr } from '../../src/bot/i18n.js';
import { quietUntil } from '../../src/bot/quiet-hours.js';
import { requestCard, type Viewer } from './cards.js';
import { type Directory, directoryOf } from './directory.js';
import { copiesOf, recordCards } from './service.js';
import { waitingSince } from './waiting.js';

/** An urge that could not go out at once (quiet hours) still goes out within this time. */
const URGE_KEEPS_MS = 24 * 3_600_000;
const DAY_MS = 86_400_000;

const notes = {
  urged: { 'zh-CN': '⏰ {name} 催办', en: '⏰ {name} is waiting on this' },
  waiting: { 'zh-CN': '⏰ 已等你审批 {age}', en: '⏰ Waiting {age} for your decision' },
};

/** A reminder a pending request owes its current approvers, one delivery key per approver. */
type Owed = { keyOf(approverId: unknown): string; note(viewer: Viewer, dir: Directory): string };

export type Reached = { sent: number; quiet: number; muted: number };

function urged(doc: ApprovalRequestDoc, at: Date): Owed {
  return {
    keyOf: (id) => `approval-urged:${doc.no}:${id}:${at.getTime()}`,
    note: (viewer, dir) =>
      tr(viewer.locale, notes.urged, { name: dir.names.get(String(doc.requesterId)) ?? '' }),
  };
}

/**
 * What a pending request owes its approvers now: the requester's latest urge (until delivered),
 * and one reminder per APPROVAL_REMINDER_HOURS of waiting (after 24 h, 48 h, …).
 */
function owedBy(doc: ApprovalRequestDoc, now: Date, periodMs: number): Owed[] {
  const owed: Owed[] = [];
  if (doc.lastUrgedAt && now.getTime() - doc.lastUrgedAt.getTime() < URGE_KEEPS_MS)
    owed.push(urged(doc, doc.lastUrgedAt));
  const since = waitingSince(doc);
  const stepHours = doc.steps?.[doc.stepIndex]?.limits?.remindAfterHours;
  const period = Math.floor(
    (now.getTime() - since.getTime()) / (stepHours ? stepHours * 3_600_000 : periodMs),
  );
  if (period >= 1) {
    owed.push({
      keyOf: (id) => `approval-waiting:${doc.no}:${id}:${since.getTime()}:${period}`,
      note: (viewer) => tr(viewer.locale, notes.waiting, { age: ageText(since, now, viewer.locale) }),
    });
  }
  return owed;
}

/**
 * The request's card, with the reminder on top, to each current approver through `reminders`
 * (once per key; not in their quiet hours; not when muted). Sent copies are recorded, so the card
 * is updated when the request is decided.
 */
async function remindApprovers(
  reminders: Reminders,
  doc: ApprovalRequestDoc,
  owed: Owed,
  at: Date,
  loaded: { dir?: Directory; recipients?: Map<string, Recipient> } = {},
): Promise<Reached> {
  const dir = loaded.dir ?? (await directoryOf(doc));
  const reached: Reached = { sent: 0, quiet: 0, muted: 0 };
  const sent: CardCopy[] = [];
  for (const id of doc.waitingFor) {
    const viewer = dir.viewers.get(String(id));
    if (!viewer) continue;
    const card = requestCard(doc, dir.names, viewer);
    const result = await reminders.deliver({
      employeeId: String(id),
      kind: 'reminder',
      key: owed.keyOf(id),
      reply: { card: { ...card, subtitle: `${owed.note(viewer, dir)} · ${card.subtitle ?? ''}` } },
      at,
      recipient: loaded.recipients?.get(String(id)),
    });
    if (result.status === 'sent') {
      sent.push(...copiesOf(id, result.refs));
      reached.sent++;
    } else if (result.status === 'quiet' || result.status === 'muted') reached[result.status]++;
  }
  await recordCards(doc._id, sent, at);
  return reached;
}

/** Right after an urge; an approver in quiet hours gets it from the job once they end. */
export function remindUrged(reminders: Reminders, doc: ApprovalRequestDoc, dir: Directory): Promise<Reached> {
  const at = doc.lastUrgedAt ?? doc.updatedAt;
  return remindApprovers(reminders, doc, urged(doc, at), at, { dir });
}

/**
 * The job: every reminder pending requests owe, in a few queries — what is already delivered is
 * one lookup, approvers in quiet hours are skipped before their cards are built.
 */
export async function remindWaitingApprovals(now: Date, reminders: Reminders): Promise<{ reminded: number }> {
  const periodMs = reminders.config.approvalReminderHours * 3_600_000;
  const pending = await ApprovalRequest.find(
    { status: 'pending' },
    {
      no: 1,
      requesterId: 1,
      stepIndex: 1,
      steps: 1,
      history: 1,
      waitingFor: 1,
      createdAt: 1,
      lastUrgedAt: 1,
    },
  ).lean<ApprovalRequestDoc[]>();
  const owed = pending.flatMap((doc) => owedBy(doc, now, periodMs).map((o) => ({ doc, o })));
  // a key owed now was, if ever, delivered within its period (or the urge's day)
  const since = new Date(now.getTime() - Math.max(periodMs, URGE_KEEPS_MS) - DAY_MS);
  const done = await reminders.delivered(
    owed.flatMap(({ doc, o }) => doc.waitingFor.map(o.keyOf)),
    { kind: 'reminder', since },
  );
  const open = owed.filter(({ doc, o }) => doc.waitingFor.some((id) => !done.has(o.keyOf(id))));
  const recipients = await reminders.recipients([
    ...new Set(open.flatMap(({ doc }) => doc.waitingFor.map(String))),
  ]);
  const awake = (id: unknown) => {
    const r = recipients.get(String(id));
    return r !== undefined && quietUntil(now, r.timezone, r.quiet) === null;
  };
  const todo = open.filter(({ doc, o }) => doc.waitingFor.some((id) => !done.has(o.keyOf(id)) && awake(id)));
  if (todo.length === 0) return { reminded: 0 };
  const byId = await findByIds<ApprovalRequestDoc>(
    ApprovalRequest,
    todo.map(({ doc }) => doc._id),
  );
  let reminded = 0;
  for (const { doc, o } of todo) {
    const current = byId.get(String(doc._id));
    // decided between the two reads: nothing to remind about
    if (current?.status !== 'pending') continue;
    reminded += (await remindApprovers(reminders, current, o, now, { recipients })).sent;
  }
  return { reminded };
}
