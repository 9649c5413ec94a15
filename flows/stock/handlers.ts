import type { TurnContext } from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import { alertLow } from './alerts.js';
import { lowCard, pickCard, productName, stockCard, warehouseName } from './cards.js';
import { findWarehouse, lowStock, searchProducts, stockOf } from './catalog.js';
import { problems } from './parse.js';
import { skuOf } from './pick-product.js';
import { type ManualKind, type MoveOutcome, recordMovement } from './service.js';

const t = {
  none: { 'zh-CN': '没有找到“{q}”。', en: 'No product matches "{q}".' },
  forbidden: { 'zh-CN': '只有仓库人员可以登记出入库。', en: 'Only warehouse staff can move stock.' },
  unknownWarehouse: { 'zh-CN': '没有仓库“{w}”。', en: 'There is no warehouse "{w}".' },
  short: {
    'zh-CN': '{w} 的 {sku} 可用只有 {available}（在库 {onHand}，预留 {reserved}），未出库。',
    en: 'Only {available} of {sku} available in {w} (on hand {onHand}, reserved {reserved}); nothing moved.',
  },
  belowReserved: {
    'zh-CN': '{w} 的 {sku} 有 {reserved} 已被订单预留，盘点数不能少于它；请先处理订单。',
    en: '{reserved} of {sku} in {w} are reserved by orders; a count cannot go below that. Sort out the orders first.',
  },
  done: {
    in: {
      'zh-CN': '已入库 {sku} {qty} 到 {w}，现有 {onHand}。',
      en: 'Stocked in {qty} of {sku} at {w}; on hand now {onHand}.',
    },
    out: {
      'zh-CN': '已从 {w} 出库 {sku} {qty}，现有 {onHand}。',
      en: 'Stocked out {qty} of {sku} from {w}; on hand now {onHand}.',
    },
    count: {
      'zh-CN': '已盘点 {w} 的 {sku}：{before} → {onHand}。',
      en: 'Counted {sku} at {w}: {before} → {onHand}.',
    },
  } satisfies Record<ManualKind, Text>,
};

/** `库存 <SKU|name>`: one product → its stock card; several → a pick card. */
export async function queryStock(ctx: TurnContext, query: string): Promise<void> {
  const found = await searchProducts(query);
  const [only] = found;
  if (!only) return ctx.reply(tr(ctx.locale, t.none, { q: query }));
  if (found.length > 1) return ctx.reply({ card: pickCard(found, ctx.locale) });
  ctx.reply({ card: stockCard(await stockOf(only), ctx.locale) });
}

export async function showLowStock(ctx: TurnContext): Promise<void> {
  ctx.reply({ card: lowCard(await lowStock(), ctx.locale) });
}

export type MoveArgs = { sku: string; qty: number; words: string[] };

/**
 * The words after the quantity: a first word naming a warehouse picks it; `@name` or a word
 * ending in 仓 always means a warehouse (unknown → refused later); anything else is the note.
 */
export async function placeOf(words: string[]): Promise<{ warehouse?: string; note: string }> {
  const [first = '', ...others] = words;
  // "北仓" is plainly meant as a warehouse even when there is none by that name
  const explicit = first.startsWith('@') || /仓$/.test(first);
  const named = first && (explicit || (await findWarehouse(first)));
  return named
    ? { warehouse: first.replace(/^@/, ''), note: others.join(' ').slice(0, 500) }
    : { note: words.join(' ').slice(0, 500) };
}

/**
 * `入库 SKU qty [仓库] [备注]` (see `placeOf`). A product named rather than given by SKU is looked
 * up first (several → pick one).
 */
export async function moveFromChat(ctx: TurnContext, kind: ManualKind, written: MoveArgs): Promise<void> {
  const sku = await skuOf(ctx, written.sku, `stock.${kind}`, (s) => ({ ...written, sku: s }));
  if (!sku) return;
  const args = { ...written, sku };
  const outcome = await recordMovement({
    kind,
    sku: args.sku,
    qty: args.qty,
    ...(await placeOf(args.words)),
    by: ctx.person,
    at: ctx.now.toJSDate(),
  });
  ctx.reply(describe(ctx, kind, args, outcome));
  if (outcome.ok) await alertLow(ctx, [outcome.product._id]);
}

function describe(ctx: TurnContext, kind: ManualKind, args: MoveArgs, o: MoveOutcome): string {
  const { locale } = ctx;
  if (o.ok)
    return tr(locale, t.done[kind], {
      sku: o.product.sku,
      qty: args.qty,
      w: warehouseName(o.warehouse, locale),
      onHand: o.level.onHand,
      before: o.before.onHand,
    });
  switch (o.problem) {
    case 'forbidden':
      return tr(locale, t.forbidden);
    case 'unknown_sku':
      return tr(locale, problems.unknownSku, { sku: args.sku });
    case 'unknown_warehouse':
      return tr(locale, t.unknownWarehouse, { w: o.warehouse });
    case 'no_warehouse':
      return tr(locale, problems.noWarehouse);
    default: {
      const vars = {
        sku: `${o.product.sku} ${productName(o.product, locale)}`,
        w: warehouseName(o.warehouse, locale),
        ...o.level,
        available: o.level.onHand - o.level.reserved,
      };
      return tr(locale, o.problem === 'short' ? t.short : t.belowReserved, vars);
    }
  }
}
