import type { TurnContext } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import type { Card } from '../../src/bot/types.js';
import { productName } from './cards.js';
import { productsNamed } from './catalog.js';
import { type Line, problems } from './parse.js';
import { isSkuWord } from './read-items.js';

const t = {
  which: {
    'zh-CN': '“{word}”对应 {n} 个商品，请选择：',
    en: '"{word}" matches {n} products; pick one:',
  },
};

/**
 * The SKU of a product written by SKU or by name ("网线", "routers", "Cat6 Cable"). Several
 * products answer to the name → a card with one button each, running `intent` again with
 * `argsWith(sku)`; none → the person is told. Null when they were answered instead. A word shaped
 * like a SKU is passed on as written: the services say when nobody knows it.
 */
export async function skuOf(
  ctx: TurnContext,
  written: string,
  intent: string,
  argsWith: (sku: string) => unknown,
): Promise<string | null> {
  if (isSkuWord(written)) return written.toUpperCase();
  const found = await productsNamed(written);
  const [only] = found;
  if (found.length === 1 && only) return only.sku;
  if (!only) {
    ctx.reply(tr(ctx.locale, problems.unknownSku, { sku: written }));
    return null;
  }
  const card: Card = {
    title: tr(ctx.locale, t.which, { word: written, n: found.length }),
    fields: [],
    status: 'warning',
    actions: await Promise.all(
      found.map((p) => ctx.choice(`${p.sku} ${productName(p, ctx.locale)}`, intent, argsWith(p.sku))),
    ),
  };
  ctx.reply({ card });
  return null;
}

/** Every line's product as a SKU (see `skuOf`); a pick card for the first unclear one keeps the rest. */
export async function skusOfLines<L extends Line>(
  ctx: TurnContext,
  lines: L[],
  intent: string,
  argsWith: (lines: L[]) => unknown,
): Promise<L[] | null> {
  const out = [...lines];
  for (const [i, l] of out.entries()) {
    const sku = await skuOf(ctx, l.sku, intent, (s) =>
      argsWith(out.map((x, j) => (j === i ? { ...x, sku: s } : x))),
    );
    if (!sku) return null;
    out[i] = { ...l, sku };
  }
  return out;
}
