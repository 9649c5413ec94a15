import type { TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { announceSubmitted } from '../approvals/api.js';
import { alertLow, formatMoney, problems, skusOfLines } from '../stock/api.js';
import { orderCustomer } from './customer-check.js';
import { sampleCard } from './sample-cards.js';
import { giveSample, SAMPLE_POLICY, settleSample } from './samples.js';
import { canSell } from './service.js';

const t = {
  forbidden: { 'zh-CN': '只有销售可以送样。', en: 'Only sales staff can send samples.' },
  short: {
    'zh-CN': '{sku} 库存不足，样品没有送：单仓最多可用 {available}。',
    en: 'Not enough {sku} in stock; no sample sent: at most {available} available in one warehouse.',
  },
  approval: {
    'zh-CN': '{no} 价值超过 {line}，已提交审批 {ap}；批准后回复“送样 {no}”送出。',
    en: '{no} is worth more than {line}: approval {ap} was requested; reply "sample {no}" once it is approved.',
  },
  notFound: { 'zh-CN': '没有样品 {no}。', en: 'There is no sample {no}.' },
  notYours: {
    'zh-CN': '{no} 只能由申请人、经理或管理员处理。',
    en: '{no} is handled by whoever asked for it, a manager or an admin.',
  },
  waiting: { 'zh-CN': '{no} 还在审批中（{ap}）。', en: '{no} is still awaiting approval ({ap}).' },
};

export type SampleArgs = { customer: string; newCustomer?: boolean; sku: string; qty: number; note: string };

/** "送样 华信科技 路由器 2 展会用": the product and customer resolved, then sent or put to approval. */
export async function sampleFromChat(ctx: TurnContext, args: SampleArgs): Promise<void> {
  const { locale } = ctx;
  if (!canSell(ctx.person)) return ctx.reply(tr(locale, t.forbidden));
  const lines = await skusOfLines(ctx, [{ sku: args.sku, qty: args.qty }], 'orders.sample', ([l]) => ({
    ...args,
    sku: l?.sku ?? args.sku,
  }));
  const sku = lines?.[0]?.sku;
  if (!sku) return;
  const customer = await orderCustomer(ctx, { ...args, sku }, 'orders.sample');
  if (!customer) return;
  const at = ctx.now.toJSDate();
  const given = await giveSample({
    by: ctx.person,
    customer,
    sku,
    qty: args.qty,
    note: args.note,
    at,
    today: ctx.now.toISODate() ?? '',
    currency: ctx.companyCurrency,
  });
  if (!given.ok) {
    if (given.problem === 'forbidden') return ctx.reply(tr(locale, t.forbidden));
    if (given.problem === 'no_warehouse') return ctx.reply(tr(locale, problems.noWarehouse));
    if (given.problem === 'unknown_sku') return ctx.reply(tr(locale, problems.unknownSku, { sku }));
    return ctx.reply(tr(locale, t.short, { sku, available: given.available ?? 0 }));
  }
  ctx.log.info({ no: given.sample.no, awaiting: given.approval !== null }, 'sample given');
  const { sample, approval } = given;
  if (approval?.status === 'approved') return settleFromChat(ctx, sample.no); // nobody to ask
  if (approval) {
    await announceSubmitted(ctx, approval);
    const line = formatMoney(SAMPLE_POLICY.approvalOver * 100, ctx.companyCurrency, locale);
    ctx.reply(tr(locale, t.approval, { no: sample.no, ap: approval.no, line }));
  } else await alertLow(ctx, [sample.productId]);
  ctx.reply({ card: sampleCard(sample, locale) });
}

/** "送样 SMP-1001" or the card's button: an awaiting sample sent (approved) or released (not). */
export async function settleFromChat(ctx: TurnContext, no: string): Promise<void> {
  const { locale } = ctx;
  const settled = await settleSample({ no, by: ctx.person, at: ctx.now.toJSDate() });
  if (!settled.ok) {
    if (settled.refusal === 'not_found') return ctx.reply(tr(locale, t.notFound, { no }));
    if (settled.refusal === 'forbidden') return ctx.reply(tr(locale, t.notYours, { no }));
    if (settled.refusal === 'awaiting_approval')
      return ctx.reply(tr(locale, t.waiting, { no, ap: settled.sample?.approvalNo ?? '' }));
    // already sent or released: the card says which
    if (settled.sample) return ctx.reply({ card: sampleCard(settled.sample, locale) });
    return;
  }
  if (settled.sample.status === 'sent') await alertLow(ctx, [settled.sample.productId]);
  ctx.reply({ card: sampleCard(settled.sample, locale) });
}
