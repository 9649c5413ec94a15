import mongoose from 'mongoose';
import type { CustomerDoc } from '../../db/models/customer.js';
import type { TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { namesOf } from '../org/api.js';
import { pickCard } from './cards.js';
import { CRM_CONFIG } from './config.js';
import { customerFromButton } from './customer-handlers.js';
import { lostReasonCard, parseLostReason, ReasonPick, recordLoss } from './lost-reasons.js';
import { crmGuard, m, safeJson } from './messages.js';
import { claimCustomer, type Lost, releaseCustomer } from './ownership.js';
import { resolveCustomer } from './resolve.js';
import { getCustomer } from './service.js';
import { LOST_REASON_LABEL } from './words.js';

/**
 * "领取 <name>": the whole text is the name; a customer someone owns is named with its owner. A
 * pool customer this person may not see (not in sales) is refused, as its card's button is.
 */
export async function claimByName(ctx: TurnContext, name: string): Promise<void> {
  if (!crmGuard(ctx)) return;
  const r = await resolveCustomer(name, ctx.person, true);
  if (r.kind === 'hidden' && !r.customer.ownerId)
    return ctx.reply(tr(ctx.locale, m.hidden, { name: r.customer.name }));
  if (r.kind === 'one' || r.kind === 'hidden') return claimAndTell(ctx, r.customer._id);
  if (r.kind === 'many') {
    const button = (c: CustomerDoc) =>
      ({ actionId: 'crm.pool.claim', label: c.name, style: 'default', value: String(c._id) }) as const;
    return ctx.reply({ card: pickCard(r.name, r.candidates, button, ctx.locale) });
  }
  ctx.reply(tr(ctx.locale, { 'zh-CN': '公海里没有“{name}”。', en: 'No pool customer "{name}".' }, { name }));
}

export async function claimFromButton(ctx: TurnContext, id: string): Promise<void> {
  const customer = await customerFromButton(ctx, id);
  if (customer) await claimAndTell(ctx, customer._id);
}

async function claimAndTell(ctx: TurnContext, id: mongoose.Types.ObjectId): Promise<void> {
  const result = await claimCustomer(id, ctx.person, ctx.now.toJSDate());
  if (result.ok) return ctx.reply(tr(ctx.locale, m.claimed, { name: result.doc.name }));
  if ('full' in result)
    return ctx.reply(tr(ctx.locale, m.full, { n: result.full, max: CRM_CONFIG.maxCustomersPerOwner }));
  const doc = result.doc ?? ((await getCustomer(id)) as CustomerDoc);
  if (!doc) return ctx.reply(tr(ctx.locale, m.gone));
  if (String(doc.ownerId) === ctx.person.id) return ctx.reply(tr(ctx.locale, m.yours, { name: doc.name }));
  const names = await namesOf([doc.ownerId]);
  ctx.reply(tr(ctx.locale, m.takenBy, { name: doc.name, owner: names.get(String(doc.ownerId)) ?? '?' }));
}

/**
 * "释放 <name> 原因 价格 <note>" / "放弃 <name> 预算取消": back to the pool with a reason from the
 * list (free text is the note of "other"); no reason at all: the list as buttons.
 */
export async function releaseByName(ctx: TurnContext, text: string): Promise<void> {
  if (!crmGuard(ctx)) return;
  const r = await resolveCustomer(text, ctx.person);
  if (r.kind !== 'one' && r.kind !== 'hidden')
    return ctx.reply(
      tr(ctx.locale, { 'zh-CN': '没有找到客户“{name}”。', en: 'No customer "{name}".' }, { name: r.name }),
    );
  const lost = parseLostReason(r.rest);
  if (!lost) return ctx.reply({ card: lostReasonCard(r.customer, 'release', ctx.locale) });
  await releaseAndTell(ctx, r.customer, lost);
}

export async function releaseAndTell(ctx: TurnContext, customer: CustomerDoc, lost: Lost): Promise<void> {
  const result = await releaseCustomer(customer._id, ctx.person, lost, ctx.now.toJSDate());
  if (!result.ok) return ctx.reply(tr(ctx.locale, m.notOwner, { name: customer.name }));
  ctx.reply(
    tr(ctx.locale, m.released, {
      name: customer.name,
      reason: tr(ctx.locale, LOST_REASON_LABEL[lost.reason]),
    }),
  );
}

/** A reason button: the release it was asked for, or the reason of a loss already logged. */
export async function lostReasonPicked(ctx: TurnContext, raw: string): Promise<void> {
  const picked = ReasonPick.safeParse(safeJson(raw));
  if (!picked.success) return ctx.reply(tr(ctx.locale, m.gone));
  const customer = await customerFromButton(ctx, picked.data.c);
  if (!customer) return;
  const lost: Lost = { reason: picked.data.r, note: '' };
  if (picked.data.k === 'release') return releaseAndTell(ctx, customer, lost);
  await recordLossAndTell(ctx, customer, lost);
}

/** Why a customer (already at stage lost) was lost: recorded and said back. */
export async function recordLossAndTell(ctx: TurnContext, customer: CustomerDoc, lost: Lost): Promise<void> {
  const doc = await recordLoss(
    customer,
    new mongoose.Types.ObjectId(ctx.person.id),
    lost,
    ctx.now.toJSDate(),
  );
  if (!doc) return ctx.reply(tr(ctx.locale, m.gone));
  const reason = tr(ctx.locale, LOST_REASON_LABEL[lost.reason]);
  ctx.reply(tr(ctx.locale, m.lostRecorded, { name: customer.name, reason }));
}
