import type mongoose from 'mongoose';
import type { ApprovalRequestDoc, CardCopy } from '../../db/models/approval-request.js';
import type { TurnContext } from '../../src/bot/flow.js';
import type { MessageRef, Platform } from '../../src/bot/types.js';
import { requestCard } from './cards.js';
import { type Directory, directoryOf } from './directory.js';
import { type Reached, remindUrged } from './reminders.js';
import { type Changed, copiesOf, recordCards } from './service.js';

type Id = mongoose.Types.ObjectId;

type Out = Pick<TurnContext, 'notify' | 'update' | 'reminders'>;

/** Sends each person their own copy of the card; returns where the copies went. */
async function sendCards(out: Out, doc: ApprovalRequestDoc, to: Id[], dir: Directory): Promise<CardCopy[]> {
  const copies: CardCopy[] = [];
  for (const id of to) {
    const viewer = dir.viewers.get(String(id));
    if (!viewer) continue;
    copies.push(...copiesOf(id, await out.notify(String(id), { card: requestCard(doc, dir.names, viewer) })));
  }
  return copies;
}

/** After a request is filed: its approvers get cards with buttons. */
export async function announceSubmitted(out: Out, doc: ApprovalRequestDoc): Promise<void> {
  if (doc.status !== 'pending') return;
  const copies = await sendCards(out, doc, doc.waitingFor, await directoryOf(doc));
  await recordCards(doc._id, copies, doc.createdAt);
}

/**
 * After any change: every card already sent is brought up to date (so a second approver sees it
 * was decided), new approvers get theirs, and the requester and CC are told what happened. The
 * copies sent are recorded on the request in one write.
 */
export async function announceChange(
  out: Out,
  result: Changed,
  actorId: string,
): Promise<Reached | undefined> {
  const { doc, before, change } = result;
  const dir = await directoryOf(doc);
  await Promise.all(
    (doc.cards ?? []).map((copy) => {
      const viewer = dir.viewers.get(String(copy.employeeId));
      const ref: MessageRef = {
        platform: copy.platform as Platform,
        channelId: copy.channelId,
        messageId: copy.messageId,
        reader: String(copy.employeeId),
      };
      return viewer ? out.update(ref, { card: requestCard(doc, dir.names, viewer) }) : undefined;
    }),
  );

  const sent: CardCopy[] = [];
  const newApprovers = doc.waitingFor.filter((id) => !before.waitingFor.some((b) => b.equals(id)));
  if (newApprovers.length > 0) sent.push(...(await sendCards(out, doc, newApprovers, dir)));
  const reached = change.event === 'urged' ? await remindUrged(out.reminders, doc, dir) : undefined;

  const tellRequester = [
    'advanced',
    'approved',
    'rejected',
    'transferred',
    'commented',
    'sent-back',
    'signer-added',
    'asked',
  ].includes(change.event);
  if (tellRequester && String(doc.requesterId) !== actorId)
    sent.push(...(await sendCards(out, doc, [doc.requesterId], dir)));
  // the answer goes back to whoever asked (still an approver: the card has their buttons)
  if (change.event === 'answered' && before.question && String(before.question.by) !== actorId)
    sent.push(...(await sendCards(out, doc, [before.question.by], dir)));
  if (change.event === 'approved' || change.event === 'rejected') {
    const cc = doc.cc.filter((id) => String(id) !== actorId);
    sent.push(...(await sendCards(out, doc, cc, dir)));
  }
  await recordCards(doc._id, sent, doc.updatedAt);
  return reached;
}
