import { z } from 'zod';
import type { CustomerDoc } from '../../db/models/customer.js';
import type { TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { createOfferCard, pickCard, stageLabel } from './cards.js';
import { customerFromButton } from './customer-handlers.js';
import { followUpDetails } from './follow-up-details.js';
import { logFollowUp } from './follow-ups.js';
import { lostReasonCard, parseLostReason } from './lost-reasons.js';
import { crmGuard, m, safeJson } from './messages.js';
import { dayStart, type FollowUpArgs, followUpProblems } from './parse-follow-up.js';
import { recordLossAndTell } from './pool-handlers.js';
import { resolveCustomer } from './resolve.js';
import { CHANNEL_WORDS } from './words.js';

const LOSS_REASON = /(?:原因|理由|reason)[:：]?\s*(.+)$/iu;

/** What a pick button carries: the chosen customer and the rest of what was said. */
const Picked = z.object({ c: z.string(), r: z.string(), n: z.string().optional(), s: z.string().optional() });

export async function followUp(ctx: TurnContext, args: FollowUpArgs): Promise<void> {
  if (!crmGuard(ctx)) return;
  const r = await resolveCustomer(args.body, ctx.person);
  if (r.kind === 'one') return logOn(ctx, r.customer, r.rest, args);
  if (r.kind === 'hidden') return ctx.reply(tr(ctx.locale, m.hidden, { name: r.customer.name }));
  if (r.kind === 'none') return ctx.reply({ card: createOfferCard(r.name, ctx.locale) });
  const value = (c: CustomerDoc) =>
    JSON.stringify({ c: String(c._id), r: r.rest.slice(0, 1000), n: args.next, s: args.stage });
  ctx.reply({
    card: pickCard(
      r.name,
      r.candidates,
      (c) => ({ actionId: 'crm.followUp.pick', label: c.name, style: 'default', value: value(c) }),
      ctx.locale,
    ),
  });
}

export async function followUpPicked(ctx: TurnContext, raw: string): Promise<void> {
  const picked = Picked.safeParse(safeJson(raw));
  if (!picked.success) return ctx.reply(tr(ctx.locale, m.gone));
  const customer = await customerFromButton(ctx, picked.data.c);
  if (!customer) return;
  const { r, n, s } = picked.data;
  await logOn(ctx, customer, r, { body: r, next: n, stage: s as FollowUpArgs['stage'] });
}

/**
 * Splits "[channel] <note>" and logs it. A channel word only counts right after the name; any
 * other word is note text ("跟进 华为 飞书 …" logs "飞书 …" as the note, channel other).
 */
async function logOn(
  ctx: TurnContext,
  customer: CustomerDoc,
  rest: string,
  args: FollowUpArgs,
): Promise<void> {
  const [first = '', ...others] = rest.split(/\s+/).filter(Boolean);
  let channel = CHANNEL_WORDS[first.toLowerCase()];
  let note = channel ? others.join(' ') : rest.trim();
  if (!channel) {
    // Chinese is written without spaces: "电话沟通了报价"
    const glued = Object.keys(CHANNEL_WORDS).find((w) => /\p{Script=Han}/u.test(w) && first.startsWith(w));
    if (glued) {
      channel = CHANNEL_WORDS[glued];
      note = [first.slice(glued.length), ...others].join(' ').trim();
    }
  }
  if (!note) return ctx.reply(tr(ctx.locale, followUpProblems.note));
  const { customer: after } = await logFollowUp({
    customer,
    byId: ctx.person.id,
    channel: channel ?? 'other',
    note: note.slice(0, 2000),
    ...followUpDetails(note, channel ?? 'other'),
    nextAt: args.next ? dayStart(args.next, ctx.person.timezone) : undefined,
    stage: args.stage,
    now: ctx.now.toJSDate(),
    endOfToday: ctx.now.endOf('day').toJSDate(),
  });
  const lines = [tr(ctx.locale, m.logged, { name: customer.name })];
  if (args.next) lines.push(tr(ctx.locale, m.nextOn, { date: args.next }));
  if (args.stage) lines.push(tr(ctx.locale, m.stageNow, { stage: stageLabel(after, ctx.locale) }));
  ctx.reply(lines.join(' '));
  if (args.stage === 'lost') await askOrRecordLoss(ctx, after, note);
}

/** A loss says why: "原因 价格" in the note is recorded, else the reasons are asked as buttons. */
async function askOrRecordLoss(ctx: TurnContext, customer: CustomerDoc, note: string): Promise<void> {
  const said = LOSS_REASON.exec(note)?.[1];
  const lost = said ? parseLostReason(said) : null;
  if (!lost) return ctx.reply({ card: lostReasonCard(customer, 'lost', ctx.locale) });
  await recordLossAndTell(ctx, customer, lost);
}
