import type { TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import type { Card } from '../../src/bot/types.js';
import { createCustomer, resolveCustomer } from '../crm/api.js';

const t = {
  none: {
    'orders.create': {
      'zh-CN': 'CRM 里没有客户“{name}”，订单没有下。',
      en: 'There is no customer "{name}" in the CRM; no order was placed.',
    },
    'orders.sample': {
      'zh-CN': 'CRM 里没有客户“{name}”，样品没有送。',
      en: 'There is no customer "{name}" in the CRM; no sample was sent.',
    },
  },
  create: {
    'orders.create': { 'zh-CN': '新建客户“{name}”并下单', en: 'Create "{name}" and place the order' },
    'orders.sample': { 'zh-CN': '新建客户“{name}”并送样', en: 'Create "{name}" and send the sample' },
  },
  many: { 'zh-CN': '“{name}”对应多个客户，请选择：', en: '"{name}" matches several customers; pick one:' },
  full: {
    'zh-CN': '你的客户数已到上限，不能新建客户。',
    en: 'You already own as many customers as allowed; no customer was created.',
  },
};

export type OrderDraft = { customer: string; newCustomer?: boolean };
export type CustomerRef = { id: string; name: string };

const refOf = (c: { _id: unknown; name: string }): CustomerRef => ({ id: String(c._id), name: c.name });

/**
 * The CRM customer an order or a sample is for, by its exact name; never a name nobody knows.
 * Several matches → a card to pick from; none → an offer to create it, each button running
 * `intent` again with that choice. Null when the person was answered instead.
 */
export async function orderCustomer<A extends OrderDraft>(
  ctx: TurnContext,
  args: A,
  intent: 'orders.create' | 'orders.sample' = 'orders.create',
): Promise<CustomerRef | null> {
  if (args.newCustomer) {
    const made = await createCustomer({ name: args.customer }, ctx.person, ctx.now.toJSDate());
    if (made.ok) return refOf(made.customer);
    if ('existing' in made) return refOf(made.existing);
    ctx.reply(tr(ctx.locale, t.full));
    return null;
  }
  const found = await resolveCustomer(args.customer, ctx.person, true, true);
  if (found.kind === 'one') return refOf(found.customer);
  const card: Card =
    found.kind === 'many'
      ? {
          title: tr(ctx.locale, t.many, { name: args.customer }),
          fields: [],
          status: 'warning',
          actions: await Promise.all(
            found.candidates.map((c) => ctx.choice(c.name, intent, { ...args, customer: c.name })),
          ),
        }
      : {
          title: tr(ctx.locale, t.none[intent], { name: args.customer }),
          fields: [],
          status: 'warning',
          actions: [
            await ctx.choice(
              tr(ctx.locale, t.create[intent], { name: args.customer }),
              intent,
              { ...args, newCustomer: true },
              'primary',
            ),
          ],
        };
  ctx.reply({ card });
  return null;
}
