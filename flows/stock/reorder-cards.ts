import type { ReorderProposalDoc } from '../../db/models/reorder.js';
import type { WarehouseDoc } from '../../db/models/warehouse.js';
import { tr } from '../../src/bot/i18n.js';
import type { Card, Locale } from '../../src/bot/types.js';
import { warehouseName } from './cards.js';

export const reorderText = {
  title: { 'zh-CN': '补货建议：{sku} · {warehouse}', en: 'Reorder: {sku} · {warehouse}' },
  onHand: { 'zh-CN': '在库', en: 'On hand' },
  rule: { 'zh-CN': '最低 / 最高', en: 'Min / max' },
  qty: { 'zh-CN': '建议采购', en: 'Buy' },
  supplier: { 'zh-CN': '供应商', en: 'Supplier' },
  noSupplier: { 'zh-CN': '未设首选，创建时选择', en: 'none preferred; pick on Create' },
  create: { 'zh-CN': '创建采购单', en: 'Create purchase order' },
  dismiss: { 'zh-CN': '忽略', en: 'Dismiss' },
  created: { 'zh-CN': '已创建 {po}', en: 'created {po}' },
  dismissed: { 'zh-CN': '已忽略', en: 'dismissed' },
  proposed: { 'zh-CN': '待处理', en: 'proposed' },
};

/** The proposal as the warehouse manager sees it: Create buys through the purchase path, Dismiss records no. */
export function proposalCard(
  p: ReorderProposalDoc,
  warehouse: Pick<WarehouseDoc, 'name' | 'nameEn'> | undefined,
  locale: Locale,
): Card {
  const open = p.status === 'proposed';
  const status =
    p.status === 'created'
      ? tr(locale, reorderText.created, { po: p.poNo })
      : tr(locale, reorderText[p.status]);
  return {
    title: tr(locale, reorderText.title, {
      sku: p.sku,
      warehouse: warehouse ? warehouseName(warehouse, locale) : '',
    }),
    subtitle: status,
    status: open ? 'warning' : p.status === 'created' ? 'done' : 'info',
    fields: [
      [tr(locale, reorderText.onHand), String(p.onHand)],
      [tr(locale, reorderText.rule), `${p.min} / ${p.max}`],
      [tr(locale, reorderText.qty), String(p.qty)],
      [tr(locale, reorderText.supplier), p.supplier || tr(locale, reorderText.noSupplier)],
    ],
    actions: open
      ? [
          {
            actionId: 'orders.reorder.create',
            label: tr(locale, reorderText.create),
            style: 'primary',
            value: p._id,
          },
          {
            actionId: 'stock.reorder.dismiss',
            label: tr(locale, reorderText.dismiss),
            style: 'default',
            value: p._id,
          },
        ]
      : [],
  };
}
