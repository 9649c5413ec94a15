import type { TicketDoc } from '../../db/models/ticket.js';
import type { TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import type { Locale } from '../../src/bot/types.js';
import { namesOf } from '../org/api.js';
import { createOfferCard, ticketCard } from './cards.js';
import { crmGuard, m } from './messages.js';
import { resolveCustomer } from './resolve.js';
import { getCustomer } from './service.js';
import { changeTicket, openTicket } from './tickets.js';

/** The ticket's card, in whichever language it is read in (the names are looked up once). */
async function cardFor(ticket: TicketDoc) {
  const customer = await getCustomer(ticket.customerId);
  const names = await namesOf([ticket.assigneeId]);
  return (locale: Locale) => ticketCard(ticket, customer?.name ?? '?', names, locale);
}

/** Someone told proactively reads the card in their own language. */
async function tell(ctx: TurnContext, employeeId: string, ticket: TicketDoc): Promise<void> {
  const card = await cardFor(ticket);
  await ctx.notify(employeeId, (to) => ({ card: card(to.locale) }));
}

/** "工单 <customer> <problem>": assigned to the owner (or support), who gets the card too. */
export async function createTicket(ctx: TurnContext, text: string): Promise<void> {
  if (!crmGuard(ctx)) return;
  const r = await resolveCustomer(text, ctx.person);
  if (r.kind === 'none') return ctx.reply({ card: createOfferCard(r.name, ctx.locale) });
  if (r.kind === 'hidden') return ctx.reply(tr(ctx.locale, m.hidden, { name: r.customer.name }));
  if (r.kind === 'many')
    return ctx.reply(
      tr(
        ctx.locale,
        {
          'zh-CN': '“{name}”匹配到多个客户，请写全名。',
          en: '"{name}" matches several customers; use the full name.',
        },
        { name: r.name },
      ),
    );
  if (!r.rest) return ctx.reply(tr(ctx.locale, m.problem));
  const ticket = await openTicket(r.customer, ctx.person, r.rest.slice(0, 2000), ctx.now.toJSDate());
  const assignee = ticket.assigneeId ? String(ticket.assigneeId) : null;
  if (assignee && assignee !== ctx.person.id) await tell(ctx, assignee, ticket);
  ctx.reply({ card: (await cardFor(ticket))(ctx.locale) });
}

/** Take or resolve; on resolve the customer's owner and the opener are told. */
export async function changeTicketAndTell(
  ctx: TurnContext,
  no: string,
  action: { take: true } | { resolve: string },
) {
  if (!crmGuard(ctx)) return;
  const result = await changeTicket(no, ctx.person, action, ctx.now.toJSDate());
  const vars = { no: no.toUpperCase() };
  if (!result.ok) {
    const why = { not_found: m.ticketUnknown, resolved: m.ticketClosed, not_assignee: m.ticketNotYours }[
      result.refusal
    ];
    return ctx.reply(tr(ctx.locale, why, vars));
  }
  if ('resolve' in action) {
    const customer = await getCustomer(result.doc.customerId);
    const told = new Set([String(customer?.ownerId ?? ''), String(result.doc.openedBy)]);
    told.delete('');
    told.delete(ctx.person.id);
    for (const id of told) await tell(ctx, id, result.doc);
  }
  ctx.reply(tr(ctx.locale, 'take' in action ? m.ticketTaken : m.ticketResolved, vars));
  ctx.reply({ card: (await cardFor(result.doc))(ctx.locale) });
}
