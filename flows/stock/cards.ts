import type { ProductDoc } from '../../db/models/product.js';
import type { WarehouseDoc } from '../../db/models/warehouse.js';
import { tr } from '../../src/bot/i18n.js';
import type { Card, Locale } from '../../src/bot/types.js';
import type { StockView } from './catalog.js';
import { unitLabel } from './units.js';

/** Chinese name for Chinese readers, the English one (when there is one) for English readers. */
export const productName = (p: Pick<ProductDoc, 'name' | 'nameEn'>, locale: Locale) =>
  locale === 'en' && p.nameEn ? p.nameEn : p.name;
export const warehouseName = (w: Pick<WarehouseDoc, 'name' | 'nameEn'>, locale: Locale) =>
  locale === 'en' && w.nameEn ? w.nameEn : w.name;

const t = {
  levels: {
    'zh-CN': '在库 {onHand} · 预留 {reserved} · 可用 {available}',
    en: 'on hand {onHand} · reserved {reserved} · available {available}',
  },
  total: { 'zh-CN': '合计', en: 'Total' },
  reorder: { 'zh-CN': '安全库存', en: 'Reorder level' },
  low: { 'zh-CN': '低于安全库存', en: 'At or under the reorder level' },
  spec: { 'zh-CN': '规格', en: 'Spec' },
  pick: { 'zh-CN': '找到 {n} 个商品，请选择', en: '{n} products match — pick one' },
  lowTitle: { 'zh-CN': '低库存（{n}）', en: 'Low stock ({n})' },
  noneLow: { 'zh-CN': '没有低于安全库存的商品。', en: 'Nothing is at or under its reorder level.' },
  lowLine: {
    'zh-CN': '在库 {onHand} / 安全库存 {reorder}',
    en: 'on hand {onHand} / reorder level {reorder}',
  },
  alertTitle: { 'zh-CN': '低库存提醒：{sku} {name}', en: 'Low stock: {sku} {name}' },
};

export function stockCard(view: StockView, locale: Locale): Card {
  const { product } = view;
  const low = product.reorderLevel > 0 && view.onHand <= product.reorderLevel;
  const levels = (r: { onHand: number; reserved: number; available: number }) => tr(locale, t.levels, r);
  return {
    title: `${product.sku} ${productName(product, locale)}`,
    subtitle: low ? tr(locale, t.low) : undefined,
    status: low ? 'warning' : 'info',
    fields: [
      ...view.rows.map((r): [string, string] => [warehouseName(r.warehouse, locale), levels(r)]),
      [
        tr(locale, t.total),
        levels({ onHand: view.onHand, reserved: view.onHand - view.available, available: view.available }),
      ],
      [tr(locale, t.reorder), `${product.reorderLevel} ${unitLabel(product.unit, locale)}`],
      ...(product.spec ? [[tr(locale, t.spec), product.spec] as [string, string]] : []),
    ],
    actions: [],
  };
}

/** Several products match a name: one button each, answering with that SKU's stock. */
export function pickCard(products: ProductDoc[], locale: Locale): Card {
  return {
    title: tr(locale, t.pick, { n: products.length }),
    fields: [],
    actions: products.map((p) => ({
      actionId: 'stock.pick',
      label: `${p.sku} ${productName(p, locale)}`,
      style: 'default',
      value: p.sku,
    })),
  };
}

export function lowCard(list: { product: ProductDoc; onHand: number }[], locale: Locale): Card {
  return {
    title: tr(locale, t.lowTitle, { n: list.length }),
    status: list.length > 0 ? 'warning' : 'done',
    body: list.length === 0 ? tr(locale, t.noneLow) : undefined,
    fields: list.map(({ product, onHand }) => [
      `${product.sku} ${productName(product, locale)}`,
      tr(locale, t.lowLine, { onHand, reorder: product.reorderLevel }),
    ]),
    actions: [],
  };
}

export function lowAlertCard(view: StockView, locale: Locale): Card {
  return {
    ...stockCard(view, locale),
    title: tr(locale, t.alertTitle, { sku: view.product.sku, name: productName(view.product, locale) }),
    status: 'warning',
  };
}
