import { z } from 'zod';
import type { CustomerDoc } from '../../db/models/customer.js';
import type { TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { recordFieldPunch } from '../attendance/api.js';
import { createOfferCard, pickCard } from './cards.js';
import { customerFromButton } from './customer-handlers.js';
import { logFollowUp } from './follow-ups.js';
import { crmGuard, m, safeJson } from './messages.js';
import { resolveCustomer } from './resolve.js';

const Picked = z.object({ c: z.string(), p: z.string().max(200) });

const t = {
  done: {
    'zh-CN': '已外勤打卡：{name}{place}，{time}。拜访已记入客户跟进。',
    en: 'Field check-in at {name}{place}, {time}. The visit is logged as a follow-up.',
  },
  checkedIn: { 'zh-CN': '（也是今天的上班打卡）', en: ' (also today’s check-in)' },
  note: { 'zh-CN': '外勤打卡', en: 'Field check-in' },
};

/** "外勤打卡 <customer> [place]": an attendance punch of kind field and a visit on the customer. */
export async function fieldCheckIn(ctx: TurnContext, text: string): Promise<void> {
  if (!crmGuard(ctx)) return;
  const r = await resolveCustomer(text, ctx.person);
  if (r.kind === 'one') return checkInAt(ctx, r.customer, r.rest.trim());
  if (r.kind === 'hidden') return ctx.reply(tr(ctx.locale, m.hidden, { name: r.customer.name }));
  if (r.kind === 'none') return ctx.reply({ card: createOfferCard(r.name, ctx.locale) });
  const value = (c: CustomerDoc) => JSON.stringify({ c: String(c._id), p: r.rest.trim().slice(0, 200) });
  ctx.reply({
    card: pickCard(
      r.name,
      r.candidates,
      (c) => ({ actionId: 'crm.fieldCheckIn.pick', label: c.name, style: 'default', value: value(c) }),
      ctx.locale,
    ),
  });
}

export async function fieldCheckInPicked(ctx: TurnContext, raw: string): Promise<void> {
  const picked = Picked.safeParse(safeJson(raw));
  if (!picked.success) return ctx.reply(tr(ctx.locale, m.gone));
  const customer = await customerFromButton(ctx, picked.data.c);
  if (customer) await checkInAt(ctx, customer, picked.data.p);
}

/** Both writes from one command, each idempotent enough on its own: the punch, then the visit. */
async function checkInAt(ctx: TurnContext, customer: CustomerDoc, place: string): Promise<void> {
  const punched = await recordFieldPunch(ctx.person.id, ctx.now, { place, customer: customer.name });
  const note = [tr(ctx.locale, t.note), place].filter(Boolean).join(' @ ');
  await logFollowUp({
    customer,
    byId: ctx.person.id,
    channel: 'visit',
    note,
    place,
    now: ctx.now.toJSDate(),
    endOfToday: ctx.now.endOf('day').toJSDate(),
  });
  const time = ctx.now.setZone(ctx.person.timezone).toFormat('HH:mm');
  const reply = tr(ctx.locale, t.done, { name: customer.name, place: place ? ` @ ${place}` : '', time });
  ctx.reply(punched.checkedIn ? `${reply}${tr(ctx.locale, t.checkedIn)}` : reply);
}
