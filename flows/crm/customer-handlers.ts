import type { CustomerDoc } from '../../db/models/customer.js';
import type { TurnContext } from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import { openContractLines } from '../contracts/api.js';
import { customerRevenue, customerSections } from '../orders/api.js';
import { namesOf } from '../org/api.js';
import { canSee } from './access.js';
import { createOfferCard, customerCard, customerListCard, pickCard } from './cards.js';
import { CRM_CONFIG } from './config.js';
import { duplicateCard, lookalikeCard } from './duplicate-card.js';
import { crmGuard, m, safeJson, viewerOf } from './messages.js';
import { customerSchema } from './parse-customer.js';
import { profileSections } from './profile.js';
import { resolveCustomer } from './resolve.js';
import {
  type CustomerInput,
  createCustomer,
  getCustomer,
  listDue,
  listMine,
  listPool,
  profileOf,
} from './service.js';

/** Creates a customer, unless it duplicates one (refused) or looks like others (asked first). */
export async function createAndTell(
  ctx: TurnContext,
  input: CustomerInput,
  confirmed = false,
): Promise<void> {
  if (!crmGuard(ctx)) return;
  const result = await createCustomer(input, ctx.person, ctx.now.toJSDate(), confirmed);
  if (result.ok) {
    ctx.reply(tr(ctx.locale, m.created, { name: result.customer.name }));
    return showCard(ctx, result.customer);
  }
  if ('full' in result)
    return ctx.reply(tr(ctx.locale, m.full, { n: result.full, max: CRM_CONFIG.maxCustomersPerOwner }));
  if ('near' in result) {
    const names = await namesOf(result.near.map((n) => n.customer.ownerId));
    return ctx.reply({ card: lookalikeCard(input, result.near, names, ctx.locale) });
  }
  const names = await namesOf([result.existing.ownerId]);
  ctx.reply({ card: duplicateCard(result.existing, names, ctx.locale) });
}

/** "Create anyway" on a lookalike card: what was typed, checked again by the customer schema. */
export async function createAnyway(ctx: TurnContext, raw: string): Promise<void> {
  const input = customerSchema.safeParse(safeJson(raw));
  if (!input.success) return ctx.reply(tr(ctx.locale, m.gone));
  await createAndTell(ctx, input.data, true);
}

export async function showCard(ctx: TurnContext, customer: CustomerDoc): Promise<void> {
  const viewer = viewerOf(ctx);
  const now = ctx.now.toJSDate();
  const [profile, business, revenue] = await Promise.all([
    profileOf(customer),
    customerSections(customer._id, viewer),
    customerRevenue(customer._id, ctx.now.minus({ months: 12 }).toJSDate(), now),
  ]);
  const names = await namesOf([customer.ownerId, ...profile.followUps.map((f) => f.by)]);
  const contracts = await openContractLines(customer._id);
  const sections = [...profileSections(customer, revenue, viewer, now), ...business];
  ctx.reply({ card: customerCard(customer, { ...profile, contracts, business: sections }, names, viewer) });
}

/** "客户 <name>": the one match's profile, a pick card for several, an offer to create for none. */
export async function showCustomer(ctx: TurnContext, name: string): Promise<void> {
  if (!crmGuard(ctx)) return;
  const r = await resolveCustomer(name, ctx.person, true);
  if (r.kind === 'one') return showCard(ctx, r.customer);
  if (r.kind === 'hidden') return ctx.reply(tr(ctx.locale, m.hidden, { name: r.customer.name }));
  if (r.kind === 'none') return ctx.reply({ card: createOfferCard(r.name, ctx.locale) });
  ctx.reply({
    card: pickCard(
      r.name,
      r.candidates,
      (c) => ({ actionId: 'crm.customer.pick', label: c.name, style: 'default', value: String(c._id) }),
      ctx.locale,
    ),
  });
}

/** A button that names a customer by id: found, and visible to the clicker, or a one-line reason. */
export async function customerFromButton(ctx: TurnContext, id: string): Promise<CustomerDoc | null> {
  if (!crmGuard(ctx)) return null;
  const customer = await getCustomer(id);
  if (!customer) ctx.reply(tr(ctx.locale, m.gone));
  else if (!(await canSee(customer, ctx.person)))
    ctx.reply(tr(ctx.locale, m.hidden, { name: customer.name }));
  else return customer;
  return null;
}

const titles = {
  mine: { 'zh-CN': '我的客户（按下次跟进）', en: 'My customers (by next follow-up)' },
  due: { 'zh-CN': '今日跟进（含逾期）', en: 'Follow-ups due (today and overdue)' },
  pool: { 'zh-CN': '公海客户', en: 'Customer pool' },
} satisfies Record<string, Text>;

export async function showList(ctx: TurnContext, kind: keyof typeof titles): Promise<void> {
  if (!crmGuard(ctx)) return;
  // the pool is for sales (and admins); a manager outside sales sees only their people's customers
  if (kind === 'pool' && !ctx.person.roles.some((r) => r === 'sales' || r === 'admin'))
    return ctx.reply(tr(ctx.locale, m.poolSalesOnly));
  const endOfToday = ctx.now.endOf('day').toJSDate();
  const rows =
    kind === 'mine'
      ? await listMine(ctx.person)
      : kind === 'due'
        ? await listDue(ctx.person, endOfToday)
        : await listPool();
  const names = await namesOf(rows.map((r) => r.ownerId));
  ctx.reply({ card: customerListCard(titles[kind], rows, names, viewerOf(ctx)) });
}
