import type { TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { announceSubmitted } from '../approvals/messaging.js';
import { alertLow } from '../stock/alerts.js';
import { type Line, problems } from '../stock/parse.js';
import { createPurchase, type ReceiveRefusal, receivePurchase } from './purchase.js';
import { purchaseCard } from './purchase-cards.js';

const t = {
  forbidden: {
    'zh-CN': '只有仓库人员或经理可以采购。',
    en: 'Only warehouse staff or managers can raise purchases.',
  },
  approval: {
    'zh-CN': '{no} 金额 {amount} {currency} 超过审批线，已提交审批 {ap}。',
    en: '{no} ({amount} {currency}) is over the approval line; approval {ap} has been requested.',
  },
  received: { 'zh-CN': '{no} 已收货：{lines}。', en: 'Received on {no}: {lines}.' },
  refusal: {
    not_found: { 'zh-CN': '没有采购单 {no}。', en: 'There is no purchase order {no}.' },
    forbidden: { 'zh-CN': '只有仓库人员可以收货。', en: 'Only warehouse staff can receive goods.' },
    awaiting_approval: {
      'zh-CN': '{no} 还在审批中（{ap}），不能收货。',
      en: '{no} is still waiting for approval {ap}.',
    },
    not_approved: {
      'zh-CN': '{no} 的审批 {ap} 未通过，不能收货。',
      en: 'Approval {ap} for {no} was not granted.',
    },
    done: { 'zh-CN': '{no} 已全部收齐。', en: '{no} is already fully received.' },
    not_on_po: { 'zh-CN': '{no} 上没有 {sku}。', en: '{sku} is not on {no}.' },
    too_many: { 'zh-CN': '{sku} 收货数超过 {no} 未收数量。', en: 'More {sku} than {no} still has due.' },
  } satisfies Record<ReceiveRefusal, Record<'zh-CN' | 'en', string>>,
};

export async function purchaseFromChat(
  ctx: TurnContext,
  args: { supplier: string; lines: Line[]; note: string },
): Promise<void> {
  const { locale } = ctx;
  const made = await createPurchase({
    requester: ctx.person,
    supplierName: args.supplier,
    lines: args.lines,
    note: args.note,
    at: ctx.now.toJSDate(),
    today: ctx.now.toISODate() ?? '',
    currency: ctx.companyCurrency,
  });
  if (!made.ok) {
    if (made.problem === 'unknown_sku') return ctx.reply(tr(locale, problems.unknownSku, { sku: made.sku }));
    return ctx.reply(tr(locale, made.problem === 'forbidden' ? t.forbidden : problems.noWarehouse));
  }
  ctx.log.info({ no: made.po.no }, 'purchase created');
  if (made.approval) {
    await announceSubmitted(ctx, made.approval);
    const vars = {
      no: made.po.no,
      amount: made.po.amount,
      currency: ctx.companyCurrency,
      ap: made.approval.no,
    };
    ctx.reply(tr(locale, t.approval, vars));
  }
  ctx.reply({ card: purchaseCard(made.po, locale, ctx.companyCurrency) });
}

export async function receiveFromChat(ctx: TurnContext, args: { no: string; lines: Line[] }): Promise<void> {
  const { locale } = ctx;
  const result = await receivePurchase({ ...args, by: ctx.person, at: ctx.now.toJSDate() });
  if (!result.ok)
    return ctx.reply(
      tr(locale, t.refusal[result.refusal], {
        no: args.no,
        ap: result.approvalNo ?? '',
        sku: result.sku ?? '',
      }),
    );
  const lines = result.got.map((g) => `${g.sku} × ${g.qty}`).join(locale === 'en' ? ', ' : '，');
  ctx.reply(tr(locale, t.received, { no: result.po.no, lines }));
  ctx.reply({ card: purchaseCard(result.po, locale, ctx.companyCurrency) });
  await alertLow(
    ctx,
    result.po.lines.map((l) => l.productId),
  );
}
