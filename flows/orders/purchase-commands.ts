import { type CommandSpec, defineCommand } from '../../src/bot/flow.js';
import { fail, type Line, labelledWho, problems, splitLines } from '../stock/api.js';
import { readPrices } from './line-prices.js';
import { previewPurchase, previewReceipt } from './preview.js';
import { purchaseFromChat, receiveFromChat } from './purchase-handlers.js';
import { SUPPLIER_LABEL } from './read-purchase.js';

const PO = /^(?:PO)?-?(\d+)\s*(.*)$/i;

export const purchaseCommands: CommandSpec[] = [
  defineCommand<{ supplier: string; lines: Line[]; note: string }>({
    intent: 'purchase.create',
    writes: true,
    preview: previewPurchase,
    area: 'orders',
    keywords: { 'zh-CN': ['采购'], en: ['purchase'] },
    summary: {
      'zh-CN': '下采购单（超过审批线先走审批）',
      en: 'Raise a purchase order (approval first over the threshold)',
    },
    usage: {
      'zh-CN': '采购 <供应商> <SKU>x<数量>[@单价]… [单价 <价格>] [备注]',
      en: 'purchase <supplier> <SKU>x<qty>[@price]… [price <price>] [note]',
    },
    examples: {
      'zh-CN': ['采购 深圳华强 SKU-1001x100 单价 12.5'],
      en: ['purchase Acme Supply SKU-1001x100 price 12.5'],
    },
    parse: (rest, ctx) =>
      readPrices(
        rest,
        (text) => {
          const split = labelledWho(splitLines(text), Object.values(SUPPLIER_LABEL));
          if (split.bad) return fail(ctx.locale, problems.qty);
          if (split.lines.length === 0) return fail(ctx.locale, problems.lines);
          if (!split.who) return fail(ctx.locale, problems.supplier);
          return { args: { supplier: split.who.slice(0, 120), lines: split.lines, note: split.note } };
        },
        ctx.locale,
      ),
    handle: (ctx, args) => purchaseFromChat(ctx, args),
  }),
  defineCommand<{ no: string; lines: Line[] }>({
    intent: 'purchase.receive',
    writes: true,
    preview: previewReceipt,
    area: 'orders',
    keywords: { 'zh-CN': ['收货'], en: ['receive'] },
    summary: { 'zh-CN': '采购到货入库（可部分收货）', en: 'Receive a purchase into stock (partial allowed)' },
    usage: { 'zh-CN': '收货 <采购单号> [<SKU>x<数量>…]', en: 'receive <PO no> [<SKU>x<qty>…]' },
    examples: { 'zh-CN': ['收货 PO-1001', '收货 PO-1001 SKU-1001x40'], en: ['receive PO-1001 SKU-1001x40'] },
    parse(rest, ctx) {
      const m = PO.exec(rest);
      if (!m?.[1])
        return fail(ctx.locale, {
          'zh-CN': '请写上采购单号，如 PO-1001。',
          en: 'Give the PO number, e.g. PO-1001.',
        });
      const split = splitLines(`x ${m[2] ?? ''}`);
      if (split.bad) return fail(ctx.locale, problems.qty);
      return { args: { no: `PO-${m[1]}`, lines: split.lines } };
    },
    handle: (ctx, args) => receiveFromChat(ctx, args),
  }),
];
