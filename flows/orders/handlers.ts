import type { SalesOrderDoc } from '../../db/models/sales-order.js';
import type { TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { getCustomer } from '../crm/api.js';
import { namesOf } from '../org/api.js';
import {
  alertLow,
  type Line,
  problems,
  productName,
  skusOfLines,
  tell,
  warehouseManagers,
} from '../stock/api.js';
import { ACTION_LABEL, myOrdersCard, orderCard, STATUS_LABEL, type Viewer } from './cards.js';
import { orderCustomer } from './customer-check.js';
import { assigners } from './installation.js';
import { nextAction, type OrderAction } from './pipeline.js';
import { advanceOrder, canSell, findOrder, listMyOpenOrders, placeOrder } from './service.js';

const t = {
  forbidden: { 'zh-CN': '只有销售可以下单。', en: 'Only sales staff can place orders.' },
  short: { 'zh-CN': '库存不足，未下单：', en: 'Not enough stock; no order placed:' },
  shortLine: {
    'zh-CN': '{sku} 需要 {wanted}，单仓最多可用 {available}（缺 {missing}）',
    en: '{sku}: wanted {wanted}, at most {available} available in one warehouse (short {missing})',
  },
  notFound: { 'zh-CN': '没有订单 {no}。', en: 'There is no order {no}.' },
  closed: { 'zh-CN': '{no} {status}，不能再改。', en: '{no} is {status}; it cannot change any more.' },
  skip: {
    'zh-CN': '{no} 目前{status}，不能“{action}”（不能跳步）。',
    en: '{no} is {status}; "{action}" is not the next step (no skipping).',
  },
  forbiddenStep: {
    'zh-CN': '“{action}”应由{who}操作。',
    en: '"{action}" is done by {who}.',
  },
  who: {
    warehouse: { 'zh-CN': '仓库人员', en: 'the warehouse' },
    owner: { 'zh-CN': '订单负责人', en: "the order's owner" },
  },
  needsTracking: {
    'zh-CN': '请回复：订单 {no} 发货 <物流公司> <运单号>',
    en: 'Reply: order {no} ship <carrier> <tracking no>',
  },
  advanced: { 'zh-CN': '{no} → {status}。', en: '{no} → {status}.' },
};

const viewer = (ctx: TurnContext) => ({ locale: ctx.locale, timezone: ctx.person.timezone });

export async function placeFromChat(
  ctx: TurnContext,
  args: { customer: string; newCustomer?: boolean; lines: Line[]; note: string },
): Promise<void> {
  const { locale } = ctx;
  if (!canSell(ctx.person)) return ctx.reply(tr(locale, t.forbidden));
  const lines = await skusOfLines(ctx, args.lines, 'orders.create', (l) => ({ ...args, lines: l }));
  if (!lines) return;
  const customer = await orderCustomer(ctx, { ...args, lines });
  if (!customer) return;
  const placed = await placeOrder({
    owner: ctx.person,
    customer,
    lines,
    note: args.note,
    at: ctx.now.toJSDate(),
    currency: ctx.companyCurrency,
  });
  if (!placed.ok) {
    if (placed.problem === 'forbidden') return ctx.reply(tr(locale, t.forbidden));
    if (placed.problem === 'no_warehouse') return ctx.reply(tr(locale, problems.noWarehouse));
    if (placed.problem === 'unknown_sku')
      return ctx.reply(tr(locale, problems.unknownSku, { sku: placed.sku }));
    const lines = placed.shortfalls.map((s) =>
      tr(locale, t.shortLine, {
        sku: `${s.sku} ${productName(s.product, locale)}`,
        wanted: s.wanted,
        available: s.available,
        missing: s.wanted - s.available,
      }),
    );
    return ctx.reply([tr(locale, t.short), ...lines].join('\n'));
  }
  const { order } = placed;
  ctx.log.info({ no: order.no }, 'order placed');
  const card = await cardOf(order);
  ctx.reply({ card: card(viewer(ctx)) });
  // the warehouse starts production: it gets the card with the button
  await tell(ctx, await warehouseManagers(), (r) => ({ card: card(r) }));
}

export async function showOrder(ctx: TurnContext, no: string): Promise<void> {
  const order = await findOrder(no);
  if (!order) return ctx.reply(tr(ctx.locale, t.notFound, { no }));
  ctx.reply({ card: (await cardOf(order))(viewer(ctx)) });
}

/**
 * The order's card for any reader, names and assigners looked up once; each copy then keeps only
 * the buttons its reader may press (the core filters by the buttons' audience).
 */
async function cardOf(order: SalesOrderDoc) {
  const names = await namesOf([order.ownerId, ...order.history.map((h) => h.by)]);
  const assign = (await assigners()).map(String);
  return (to: Viewer) => orderCard(order, names, to, assign);
}

/** `action: 'next'`: whatever the order's next step is when the command runs. */
export type StepArgs = {
  no: string;
  action: OrderAction | 'next';
  carrier: string;
  tracking: string;
  note: string;
};

/** An order named in chat, with the step to take when one was written (`SO-1001 ship`). */
export type OrderRef = { no: string; step: StepArgs | null };

/** One pipeline step from text or a button; the owner hears about every step someone else takes. */
export async function advanceFromChat(ctx: TurnContext, step: StepArgs): Promise<void> {
  const { locale } = ctx;
  const args = await withAction(step);
  if (!args) return ctx.reply(tr(locale, t.notFound, { no: step.no }));
  const result = await advanceOrder({ ...args, actor: ctx.person, at: ctx.now.toJSDate() });
  const vars = { no: args.no, action: tr(locale, ACTION_LABEL[args.action]) };
  if (!result.ok) {
    const status = result.order ? tr(locale, STATUS_LABEL[result.order.status]) : '';
    switch (result.refusal) {
      case 'not_found':
        return ctx.reply(tr(locale, t.notFound, vars));
      case 'closed':
        return ctx.reply(tr(locale, t.closed, { ...vars, status }));
      case 'skip':
        return ctx.reply(tr(locale, t.skip, { ...vars, status }));
      case 'needs_tracking':
        return ctx.reply(tr(locale, t.needsTracking, vars));
      default: {
        const who =
          args.action === 'produce' || args.action === 'ship' || args.action === 'transit'
            ? 'warehouse'
            : 'owner';
        return ctx.reply(tr(locale, t.forbiddenStep, { ...vars, who: tr(locale, t.who[who]) }));
      }
    }
  }
  const { order } = result;
  ctx.log.info({ no: order.no, action: args.action }, 'order advanced');
  ctx.reply(tr(locale, t.advanced, { no: order.no, status: tr(locale, STATUS_LABEL[order.status]) }));
  if (args.action === 'ship')
    await alertLow(
      ctx,
      order.lines.map((l) => l.productId),
    );
  const card = await cardOf(order);
  // the customer's owner in the CRM follows the order too
  const customer = order.customerId ? await getCustomer(order.customerId) : null;
  // delivered: the managers who send installers get the card with the Assign button
  const assign = args.action === 'deliver' ? await assigners() : [];
  await tell(ctx, [order.ownerId, customer?.ownerId, ...assign], (r) => ({ card: card(r) }));
}

/** The step to take: as named, or the next one from the order's current status. */
async function withAction(step: StepArgs): Promise<(StepArgs & { action: OrderAction }) | null> {
  if (step.action !== 'next') return { ...step, action: step.action };
  const order = await findOrder(step.no);
  if (!order) return null;
  // a closed order has no next step: "complete" is refused as closed, which says so
  return { ...step, action: nextAction(order.status) ?? 'complete' };
}

export async function showMyOrders(ctx: TurnContext): Promise<void> {
  ctx.reply({ card: myOrdersCard(await listMyOpenOrders(ctx.person.id), ctx.locale) });
}
