import type { TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import type { Locale } from '../../src/bot/types.js';
import { productName, warehouseName } from './cards.js';
import { findWarehouse, listWarehouses, productsNamed } from './catalog.js';
import { type MoveArgs, placeOf } from './handlers.js';
import type { Line } from './parse.js';

const t = {
  product: { 'zh-CN': '商品', en: 'Product' },
  qty: { 'zh-CN': '数量', en: 'Quantity' },
  warehouse: { 'zh-CN': '仓库', en: 'Warehouse' },
  note: { 'zh-CN': '备注', en: 'Note' },
  several: {
    'zh-CN': '{word}（{n} 个商品，提交后选择）',
    en: '{word} ({n} products; pick one after Submit)',
  },
  unknown: { 'zh-CN': '{word}（没有这个商品）', en: '{word} (no such product)' },
};

/** A product as written, shown as the catalogue knows it: "SKU-4004 网线", or what is unclear about it. */
export async function productLabel(written: string, locale: Locale): Promise<string> {
  const found = await productsNamed(written);
  const [only] = found;
  if (found.length === 1 && only) return `${only.sku} ${productName(only, locale)}`;
  return tr(locale, only ? t.several : t.unknown, { word: written, n: found.length });
}

/** Order or purchase lines, one a line: "SKU-1001 路由器 × 5 @ 12.5". */
export async function linesLabel(lines: Line[], locale: Locale): Promise<string> {
  const shown = await Promise.all(
    lines.map(
      async (l) =>
        `${await productLabel(l.sku, locale)} × ${l.qty}${l.price === undefined ? '' : ` @ ${l.price}`}`,
    ),
  );
  return shown.join('\n');
}

/** The confirmation of a stock movement read from a sentence: product, quantity, warehouse, note. */
export async function previewMove(ctx: TurnContext, args: MoveArgs): Promise<[string, string][]> {
  const { warehouse, note } = await placeOf(args.words);
  const w = warehouse ? await findWarehouse(warehouse) : (await listWarehouses())[0];
  const rows: [string, string][] = [
    [tr(ctx.locale, t.product), await productLabel(args.sku, ctx.locale)],
    [tr(ctx.locale, t.qty), String(args.qty)],
    [tr(ctx.locale, t.warehouse), w ? warehouseName(w, ctx.locale) : (warehouse ?? '')],
  ];
  if (note) rows.push([tr(ctx.locale, t.note), note]);
  return rows;
}
