import type { TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { announceSubmitted } from '../approvals/api.js';
import { alertLow, type Line, problems, skusOfLines } from '../stock/api.js';
import { canPurchase, createPurchase, type ReceiveRefusal, receivePurchase } from './purchase.js';
import { purchaseCard } from './purchase-cards.js';
import { resolveLines } from './service.js';
import { knownSupplier, similarSuppliers } from './suppliers.js';

const t = {
  newSupplier: { 'zh-CN': '向新供应商“{name}”采购', en: 'buy from a new supplier, "{name}"' },
  supplier: { 'zh-CN': '供应商', en: 'Supplier' },
  lines: { 'zh-CN': '商品', en: 'Lines' },
  note: { 'zh-CN': '备注', en: 'Note' },
  neverBought: {
    'zh-CN': '还没有从这个供应商采购过。确认是新供应商再提交。',
    en: 'Nobody has bought from this supplier yet. Submit if it really is a new one.',
  },
  similar: {
    'zh-CN': '还没有从这个供应商采购过；名字相近的有：{names}。',
    en: 'Nobody has bought from this supplier yet; similar names: {names}.',
  },
  useInstead: { 'zh-CN': '改为 {name}', en: 'Use {name}' },
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

type PurchaseArgs = { supplier: string; lines: Line[]; note: string };

/**
 * Files a purchase. A supplier nobody has bought from is confirmed first, with the known ones
 * whose names look alike offered instead (a typo should not start a second supplier).
 */
export async function purchaseFromChat(ctx: TurnContext, written: PurchaseArgs): Promise<void> {
  const { locale } = ctx;
  if (!canPurchase(ctx.person)) return ctx.reply(tr(locale, t.forbidden));
  const lines = await skusOfLines(ctx, written.lines, 'purchase.create', (l) => ({ ...written, lines: l }));
  if (!lines) return;
  const args = { ...written, lines };
  const resolved = await resolveLines(args.lines);
  if ('unknown' in resolved) return ctx.reply(tr(locale, problems.unknownSku, { sku: resolved.unknown }));
  const known = await knownSupplier(args.supplier);
  if (!known && !ctx.confirmed) return proposeNewSupplier(ctx, args);
  const made = await createPurchase({
    requester: ctx.person,
    supplierName: known ?? args.supplier,
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

async function proposeNewSupplier(ctx: TurnContext, args: PurchaseArgs): Promise<void> {
  const similar = await similarSuppliers(args.supplier);
  const lines = args.lines.map((l) => `${l.sku} × ${l.qty}${l.price === undefined ? '' : ` @ ${l.price}`}`);
  await ctx.propose({
    intent: 'purchase.create',
    args,
    what: tr(ctx.locale, t.newSupplier, { name: args.supplier }),
    fields: [
      [tr(ctx.locale, t.supplier), args.supplier],
      [tr(ctx.locale, t.lines), lines.join('\n')],
      ...(args.note ? [[tr(ctx.locale, t.note), args.note] as [string, string]] : []),
    ],
    warning: tr(ctx.locale, similar.length ? t.similar : t.neverBought, { names: similar.join('、') }),
    alternatives: await Promise.all(
      similar.map((name) =>
        ctx.choice(tr(ctx.locale, t.useInstead, { name }), 'purchase.create', { ...args, supplier: name }),
      ),
    ),
  });
}
export async function receiveFromChat(
  ctx: TurnContext,
  written: { no: string; lines: Line[] },
): Promise<void> {
  const { locale } = ctx;
  const skus = await skusOfLines(ctx, written.lines, 'purchase.receive', (l) => ({ ...written, lines: l }));
  if (!skus) return;
  const args = { ...written, lines: skus };
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
