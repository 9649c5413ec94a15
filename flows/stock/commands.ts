import { type CommandSpec, defineCommand, type ParseResult } from '../../src/bot/flow.js';
import { noArgs } from '../../src/bot/no-args.js';
import type { Locale } from '../../src/bot/types.js';
import { type MoveArgs, moveFromChat, queryStock, showLowStock } from './handlers.js';
import { fail, isSku, problems, quantity } from './parse.js';
import { previewMove } from './preview.js';
import type { ManualKind } from './service.js';

/**
 * `<product> <qty> [warehouse] [note]`, the product a SKU or a name of one or more words ("网线",
 * "Cat6 Cable"); `<qty> <product>` reads too, and an `@warehouse` before the quantity is the
 * warehouse (how a question for one missing piece keeps the warehouse already said: "网线 @主仓"
 * and the answer "80").
 */
function moveParser(kind: ManualKind) {
  return (rest: string, ctx: { locale: Locale }): ParseResult<MoveArgs> => {
    const words = rest.split(' ').filter(Boolean);
    const at = words.findIndex((w) => /^[+-]?\d+(\.\d+)?$/.test(w));
    const before = at < 0 ? words : words.slice(0, at);
    const after = at < 0 ? [] : words.slice(at + 1);
    const places = before.filter((w) => w.startsWith('@'));
    let product = before.filter((w) => !w.startsWith('@')).join(' ');
    if (!product && at >= 0 && after[0] && !after[0].startsWith('@')) product = after.shift() ?? '';
    if (!product) return fail(ctx.locale, problems.sku);
    const n = quantity(words[at], kind === 'count');
    if (n === null) return fail(ctx.locale, kind === 'count' ? problems.count : problems.qty);
    return {
      args: { sku: isSku(product) ? product.toUpperCase() : product, qty: n, words: [...places, ...after] },
    };
  };
}

const moveCommand = (
  kind: ManualKind,
  spec: Pick<CommandSpec, 'intent' | 'keywords' | 'summary' | 'usage' | 'examples' | 'writes'>,
) =>
  defineCommand<MoveArgs>({
    ...spec,
    area: 'stock',
    writes: true,
    preview: previewMove,
    parse: moveParser(kind),
    handle: (ctx, args) => moveFromChat(ctx, kind, args),
  });

export const stockCommands: CommandSpec[] = [
  defineCommand<{ query: string }>({
    intent: 'stock.query',
    area: 'stock',
    keywords: { 'zh-CN': ['库存', '查库存'], en: ['stock'] },
    summary: { 'zh-CN': '查询商品各仓库存', en: 'Stock of a product in every warehouse' },
    usage: { 'zh-CN': '库存 <SKU或商品名>', en: 'stock <SKU or name>' },
    examples: { 'zh-CN': ['库存 SKU-1001', '库存 路由器'], en: ['stock SKU-1001', 'stock router'] },
    parse: (rest, ctx) => (rest ? { args: { query: rest.slice(0, 100) } } : fail(ctx.locale, problems.query)),
    handle: (ctx, { query }) => queryStock(ctx, query),
  }),
  defineCommand<Record<string, never>>({
    intent: 'stock.low',
    area: 'stock',
    keywords: { 'zh-CN': ['低库存'], en: ['low stock'] },
    summary: { 'zh-CN': '低于安全库存的商品', en: 'Products at or under their reorder level' },
    usage: { 'zh-CN': '低库存', en: 'low stock' },
    examples: { 'zh-CN': ['低库存'], en: ['low stock'] },
    parse: noArgs,
    handle: (ctx) => showLowStock(ctx),
  }),
  moveCommand('in', {
    intent: 'stock.in',
    writes: true,
    keywords: { 'zh-CN': ['入库'], en: ['stock in'] },
    summary: { 'zh-CN': '登记入库（仓库人员）', en: 'Record goods in (warehouse staff)' },
    usage: { 'zh-CN': '入库 <SKU> <数量> [仓库] [备注]', en: 'stock in <SKU> <qty> [warehouse] [note]' },
    examples: {
      'zh-CN': ['入库 SKU-1001 50 主仓 供应商到货'],
      en: ['stock in SKU-1001 50 Main supplier delivery'],
    },
  }),
  moveCommand('out', {
    intent: 'stock.out',
    writes: true,
    keywords: { 'zh-CN': ['出库'], en: ['stock out'] },
    summary: { 'zh-CN': '登记出库（仓库人员）', en: 'Record goods out (warehouse staff)' },
    usage: { 'zh-CN': '出库 <SKU> <数量> [仓库] [备注]', en: 'stock out <SKU> <qty> [warehouse] [note]' },
    examples: { 'zh-CN': ['出库 SKU-1001 5 主仓 样品'], en: ['stock out SKU-1001 5 Main samples'] },
  }),
  moveCommand('count', {
    intent: 'stock.count',
    writes: true,
    keywords: { 'zh-CN': ['盘点'], en: ['stock count'] },
    summary: {
      'zh-CN': '按盘点数调整库存（仓库人员）',
      en: 'Set stock to a counted figure (warehouse staff)',
    },
    usage: {
      'zh-CN': '盘点 <SKU> <实盘数> [仓库] [备注]',
      en: 'stock count <SKU> <counted> [warehouse] [note]',
    },
    examples: { 'zh-CN': ['盘点 SKU-1001 48'], en: ['stock count SKU-1001 48 South'] },
  }),
];
