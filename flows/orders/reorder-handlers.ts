import type { TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { announceSubmitted } from '../approvals/api.js';
import { decideProposal, findProposal, listWarehouses, proposalCard, recordPurchase } from '../stock/api.js';
import { createPurchase } from './purchase.js';
import { purchaseCard } from './purchase-cards.js';
import { knownSupplier, listSuppliers } from './suppliers.js';

const t = {
  gone: { 'zh-CN': '没有这条补货建议。', en: 'There is no such reorder proposal.' },
  decided: { 'zh-CN': '这条补货建议已经处理过了。', en: 'This proposal has been decided already.' },
  forbidden: { 'zh-CN': '只有仓库人员可以处理补货。', en: 'Only warehouse staff can act on reorders.' },
  pick: {
    'zh-CN': '{sku} 没有首选供应商，向谁采购？',
    en: 'No preferred supplier for {sku}; buy from whom?',
  },
  none: {
    'zh-CN': '还没有供应商。请先设：补货规则 {sku} 最低 <数量> 最高 <数量> 供应商 <名称>',
    en: 'No suppliers yet. Set one: reorder rule {sku} min <qty> max <qty> supplier <name>',
  },
  note: { 'zh-CN': '补货 Reorder {sku}', en: '补货 Reorder {sku}' },
};

/**
 * The proposal's Create button, value `<proposal id>` or `<proposal id>|<supplier>` (picked on
 * the follow-up card when no supplier is preferred). The proposal is decided first, by a claim, so
 * a double click makes one purchase order; the order then goes through the purchase path
 * (approval over the line, supplier remembered).
 */
export async function createFromProposal(ctx: TurnContext, value: string): Promise<void> {
  const { locale } = ctx;
  const [id = '', picked = ''] = value.split('|');
  const proposal = await findProposal(id);
  if (!proposal) return ctx.reply(tr(locale, t.gone));
  if (proposal.status !== 'proposed') return ctx.reply(tr(locale, t.decided));
  const supplier = picked || proposal.supplier;
  if (!supplier) {
    const known = await listSuppliers();
    if (known.length === 0) return ctx.reply(tr(locale, t.none, { sku: proposal.sku }));
    return ctx.reply({
      card: {
        title: tr(locale, t.pick, { sku: proposal.sku }),
        status: 'pending',
        fields: [],
        actions: known.map((name) => ({
          actionId: 'orders.reorder.create',
          label: name,
          style: 'default',
          value: `${id}|${name}`,
        })),
      },
    });
  }
  const at = ctx.now.toJSDate();
  const decided = await decideProposal({ id, actor: ctx.person, decision: 'created', supplier, at });
  if (!decided.ok) return ctx.reply(tr(locale, decided.refusal === 'forbidden' ? t.forbidden : t.decided));
  const made = await createPurchase({
    requester: ctx.person,
    supplierName: (await knownSupplier(supplier)) ?? supplier,
    lines: [{ sku: proposal.sku, qty: proposal.qty }],
    note: tr(locale, t.note, { sku: proposal.sku }),
    at,
    today: ctx.now.toISODate() ?? '',
    currency: ctx.companyCurrency,
    warehouseId: proposal.warehouseId,
  });
  if (!made.ok) return ctx.reply(tr(locale, t.forbidden));
  await recordPurchase(id, made.po.no);
  ctx.log.info({ no: made.po.no, sku: proposal.sku }, 'reorder purchase created');
  if (made.approval) await announceSubmitted(ctx, made.approval);
  const warehouse = (await listWarehouses()).find((w) => w._id.equals(proposal.warehouseId));
  ctx.reply({ card: proposalCard({ ...decided.doc, poNo: made.po.no }, warehouse, locale) });
  ctx.reply({ card: purchaseCard(made.po, locale, ctx.companyCurrency) });
}
