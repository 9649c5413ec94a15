import type mongoose from 'mongoose';
import type { ApprovalRequestDoc } from '../../db/models/approval-request.js';
import { Employee } from '../../db/models/employee.js';
import type { Reminders, TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import type { Locale, MessageRef, Platform } from '../../src/bot/types.js';
import { requestCard, type Viewer } from './cards.js';
import { type Changed, cardsOf, recordCards } from './service.js';

type Id = mongoose.Types.ObjectId;

const urgedNote = { 'zh-CN': '⏰ {name} 催办', en: '⏰ {name} is waiting on this' };
type Out = Pick<TurnContext, 'notify' | 'update' | 'reminders'>;
/** Names for the card and each reader's language and zone: one query per announcement. */
type Directory = { names: Map<string, string>; viewers: Map<string, Viewer> };

/** Everyone a request involves. */
function people(doc: ApprovalRequestDoc): Id[] {
  return [
    doc.requesterId,
    ...doc.cc,
    ...doc.steps.flatMap((s) => s.approvers.flatMap((a) => [a.employeeId, a.standsInFor])),
    ...doc.history.map((h) => h.by),
  ].filter((id): id is Id => !!id);
}

async function directoryOf(doc: ApprovalRequestDoc): Promise<Directory> {
  const rows = await Employee.find({ _id: { $in: people(doc) } }, { name: 1, locale: 1, timezone: 1 }).lean();
  return {
    names: new Map(rows.map((r) => [String(r._id), r.name])),
    viewers: new Map(
      rows.map((r) => [
        String(r._id),
        { id: String(r._id), locale: r.locale as Locale, timezone: r.timezone },
      ]),
    ),
  };
}

/** Sends each person their own copy of the card and remembers where it went. */
async function sendCards(out: Out, doc: ApprovalRequestDoc, to: Id[], dir: Directory): Promise<void> {
  for (const id of to) {
    const viewer = dir.viewers.get(String(id));
    if (!viewer) continue;
    const refs = await out.notify(String(id), { card: requestCard(doc, dir.names, viewer) });
    await recordCards(doc._id, String(id), refs);
  }
}

/**
 * A reminder card to approvers, through `reminders` (once per key, held in their quiet hours,
 * dropped when they muted reminders): the requester's urge and the waiting-too-long job both.
 */
export async function remindApprovers(
  reminders: Reminders,
  doc: ApprovalRequestDoc,
  input: { at: Date; keyOf(approverId: Id): string; note(viewer: Viewer): string },
  dir?: Directory,
): Promise<number> {
  const names = dir ?? (await directoryOf(doc));
  let reached = 0;
  for (const id of doc.waitingFor) {
    const viewer = names.viewers.get(String(id));
    if (!viewer) continue;
    const card = requestCard(doc, names.names, viewer);
    const result = await reminders.deliver({
      employeeId: String(id),
      kind: 'reminder',
      key: input.keyOf(id),
      reply: { card: { ...card, subtitle: `${input.note(viewer)} · ${card.subtitle ?? ''}` } },
      at: input.at,
    });
    if (result.status === 'sent') await recordCards(doc._id, String(id), result.refs);
    if (result.status === 'sent' || result.status === 'waiting') reached++;
  }
  return reached;
}

/** After a request is filed: its approvers get cards with buttons. */
export async function announceSubmitted(out: Out, doc: ApprovalRequestDoc): Promise<void> {
  if (doc.status === 'pending') await sendCards(out, doc, doc.waitingFor, await directoryOf(doc));
}

/**
 * After any change: every card already sent is brought up to date (so a second approver sees it
 * was decided), new approvers get theirs, and the requester and CC are told what happened.
 */
export async function announceChange(out: Out, result: Changed, actorId: string): Promise<void> {
  const { doc, before, change } = result;
  const dir = await directoryOf(doc);
  await Promise.all(
    (await cardsOf(doc._id)).map((copy) => {
      const viewer = dir.viewers.get(String(copy.employeeId));
      const ref: MessageRef = {
        platform: copy.platform as Platform,
        channelId: copy.channelId,
        messageId: copy.messageId,
      };
      return viewer ? out.update(ref, { card: requestCard(doc, dir.names, viewer) }) : undefined;
    }),
  );

  const newApprovers = doc.waitingFor.filter((id) => !before.waitingFor.some((b) => b.equals(id)));
  if (newApprovers.length > 0) await sendCards(out, doc, newApprovers, dir);
  if (change.event === 'urged') {
    const at = doc.lastUrgedAt ?? new Date();
    await remindApprovers(
      out.reminders,
      doc,
      {
        at,
        keyOf: (id) => `approval-urged:${doc.no}:${id}:${at.getTime()}`,
        note: (viewer) =>
          tr(viewer.locale, urgedNote, { name: dir.names.get(String(doc.requesterId)) ?? '' }),
      },
      dir,
    );
  }

  const tellRequester = ['advanced', 'approved', 'rejected', 'transferred', 'commented'].includes(
    change.event,
  );
  if (tellRequester && String(doc.requesterId) !== actorId) await sendCards(out, doc, [doc.requesterId], dir);
  if (change.event === 'approved' || change.event === 'rejected') {
    await sendCards(
      out,
      doc,
      doc.cc.filter((id) => String(id) !== actorId),
      dir,
    );
  }
}
