import type { CustomerDoc } from '../../db/models/customer.js';
import type { TurnContext } from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import { openContractLines } from '../contracts/api.js';
import { customerSections } from '../orders/api.js';
import { namesOf } from '../org/api.js';
import { canSee } from './access.js';
import { createOfferCard, customerCard, customerListCard, ownerName, pickCard } from './cards.js';
import { CRM_CONFIG } from './config.js';
import { crmGuard, m, viewerOf } from './messages.js';
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

export async function createAndTell(ctx: TurnContext, input: CustomerInput): Promise<void> {
  if (!crmGuard(ctx)) return;
  const result = await createCustomer(input, ctx.person, ctx.now.toJSDate());
  if (result.ok) {
    ctx.reply(tr(ctx.locale, m.created, { name: result.customer.name }));
    return showCard(ctx, result.customer);
  }
  if ('full' in result)
    return ctx.reply(tr(ctx.locale, m.full, { n: result.full, max: CRM_CONFIG.maxCustomersPerOwner }));
  const names = await namesOf([result.existing.ownerId]);
  ctx.reply(
    tr(ctx.locale, m.duplicate, {
      name: result.existing.name,
      owner: ownerName(result.existing, names, ctx.locale),
    }),
  );
}

export async function showCard(ctx: TurnContext, customer: CustomerDoc): Promise<void> {
  const viewer = viewerOf(ctx);
  const [profile, business] = await Promise.all([
    profileOf(customer),
    customerSections(customer._id, viewer),
  ]);
  const names = await namesOf([customer.ownerId, ...profile.followUps.map((f) => f.by)]);
  const contracts = await openContractLines(customer._id);
  ctx.reply({ card: customerCard(customer, { ...profile, contracts, business }, names, viewer) });
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
