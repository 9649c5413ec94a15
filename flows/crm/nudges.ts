import { DateTime } from 'luxon';
import { Customer, type CustomerDoc } from '../../db/models/customer.js';
import type { Reminders } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';

/** A follow-up planned longer ago than this is the digest's "overdue" list, not a fresh nudge. */
const LOOK_BACK_MS = 86_400_000;

const followUpDue = {
  'zh-CN': '⏰ 该跟进客户 {name} 了（计划 {when}）。记录：跟进 {name} <方式> <内容>',
  en: '⏰ Time to follow up with {name} (planned {when}). Log it: follow up {name} <channel> <note>',
};

/**
 * The owner of a customer whose planned follow-up time has come gets one reminder for that plan
 * (a new plan is a new key). Plans are local days (00:00): inside quiet hours nothing is sent, and
 * the first run after they end (in the morning) sends it.
 */
export async function remindDueFollowUps(now: Date, reminders: Reminders): Promise<{ reminded: number }> {
  const due = await Customer.find(
    { ownerId: { $ne: null }, nextFollowUpAt: { $gt: new Date(now.getTime() - LOOK_BACK_MS), $lte: now } },
    { name: 1, ownerId: 1, nextFollowUpAt: 1 },
  ).lean<CustomerDoc[]>();
  const keyOf = (c: CustomerDoc) => `follow-up:${c.ownerId}:${c._id}:${c.nextFollowUpAt?.getTime()}`;
  const done = await reminders.delivered(due.map(keyOf), {
    kind: 'reminder',
    since: new Date(now.getTime() - 2 * LOOK_BACK_MS),
  });
  const todo = due.filter((c) => !done.has(keyOf(c)));
  const owners = await reminders.recipients([...new Set(todo.map((c) => String(c.ownerId)))]);
  let reminded = 0;
  for (const c of todo) {
    const owner = owners.get(String(c.ownerId));
    if (!owner) continue;
    const planned = DateTime.fromJSDate(c.nextFollowUpAt as Date, { zone: owner.timezone });
    const when = planned.toFormat(planned.hour === 0 && planned.minute === 0 ? 'MM-dd' : 'MM-dd HH:mm');
    const result = await reminders.deliver({
      employeeId: owner.id,
      kind: 'reminder',
      key: keyOf(c),
      reply: { text: tr(owner.locale, followUpDue, { name: c.name, when }) },
      at: now,
      recipient: owner,
    });
    if (result.status === 'sent') reminded++;
  }
  return { reminded };
}
