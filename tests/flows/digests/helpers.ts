import { Customer, nameKeyOf } from '../../../db/models/customer.js';
import { Delivery } from '../../../db/models/delivery.js';
import type { Card } from '../../../src/bot/types.js';
import type { Sent } from '../../helpers/reminders.js';

/** A customer of `ownerId` whose planned follow-up is `next` (something for a digest to say). */
export async function customerDue(
  ownerId: string,
  next: Date,
  name = `C-${Math.random().toString(36).slice(2, 8)}`,
) {
  return Customer.create({ name, nameKey: nameKeyOf(name), ownerId, nextFollowUpAt: next, activeAt: next });
}

/** Who got what, as "employee: first line" strings, in order. */
export const who = (sent: Sent[]) => sent.map((s) => s.employeeId);

export const titleOf = (s: Sent | undefined) =>
  s && 'card' in s.reply ? s.reply.card.title : s && 'text' in s.reply ? s.reply.text : undefined;

export const deliveryOf = (key: string) => Delivery.findById(key).lean();

export function cardSent(s: Sent | undefined): Card {
  if (!s || !('card' in s.reply)) throw new Error(`not a card: ${JSON.stringify(s)}`);
  return s.reply.card;
}
