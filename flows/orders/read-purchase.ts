import type { ParseContext, ParseResult } from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import { withoutCourtesy } from '../../src/bot/nlu/fillers.js';
import { cut } from '../../src/bot/slots.js';
import { findCustomerName } from '../crm/api.js';
import { fail, type Line, problems, takeItems } from '../stock/api.js';
import { linesText, readLines } from './read-lines.js';

const asks = {
  supplier: { 'zh-CN': '向哪个供应商采购？', en: 'Which supplier?' },
  lines: {
    'zh-CN': '采购哪些商品、各多少？如 网线 200根。',
    en: 'Which products, how many each? E.g. 200 cables.',
  },
  no: {
    'zh-CN': '哪张采购单？请写单号，如 PO-1001。',
    en: 'Which purchase order? Give its number, e.g. PO-1001.',
  },
} satisfies Record<string, Text>;

/** The grammar's label for a supplier written after the lines (how a question for it is answered). */
export const SUPPLIER_LABEL: Text = { 'zh-CN': '供应商', en: 'supplier' };

/** "找深圳华强订…", "从深圳华强进…", "向 Acme Supply 采购", "from Acme Supply": whoever follows. */
const FROM =
  /(?:找|向|从|跟|和)\s*([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*|[\p{Script=Han}]{2,8}?(?=订|采购|进|买|要|下|拿|购|补|\s|,|，|$))|(?<![A-Za-z])(?:from|with)\s+([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*)/u;

function findSupplier(text: string): { name: string; index: number; length: number } | null {
  const m = FROM.exec(text);
  const name = m?.[1] ?? m?.[2];
  if (m && name) {
    const index = (m.index ?? 0) + m[0].length - name.length;
    return { name, index, length: name.length };
  }
  return findCustomerName(text);
}

/** A price for every line: "单价 1.8", "每个 170", "175 per unit", "price 12.8", "12 元一个". */
const PRICE =
  /(?:单价|unit price|price|每(?:个|台|根|件|箱|套|只))\s*(?:是|为|is)?\s*[:：]?\s*[¥$]?\s*(\d+(?:\.\d+)?)\s*(?:元|块)?|[¥$]?\s*(\d+(?:\.\d+)?)\s*(?:元|块|dollars?|yuan)?\s*(?:per (?:unit|piece|pc)|each|apiece|一个|一台|一根|一件|\/(?:个|台|根|件|unit|pc))/iu;

const PURCHASE_WORDS =
  /下采购单|开采购单|采购单|采购|订|进|买|要补了?|该补了?|补货|补|(?<![A-Za-z])(?:raise(?: a| the)? (?:purchase order|po)|purchase order|the po|po|buy|get|order|we need|need|more|time to restock|restock|units?)(?![A-Za-z])/giu;

type PurchaseArgs = { supplier: string; lines: Line[]; note: string };

/** "找深圳华强订 200 根网线，单价 1.8": supplier, lines (the price on each), note. */
export function readPurchase(text: string, ctx: ParseContext): ParseResult<PurchaseArgs> {
  let t = withoutCourtesy(text);
  const supplier = findSupplier(t);
  if (supplier) t = cut(t, supplier.index, supplier.length);
  const price = PRICE.exec(t);
  if (price) t = cut(t, price.index, price[0].length);
  const read = readLines(t, PURCHASE_WORDS);
  if (read.bad) return fail(ctx.locale, problems.qty);
  const each = price ? Number(price[1] ?? price[2]) : undefined;
  const lines = read.lines.map((l) =>
    l.price === undefined && each !== undefined ? { ...l, price: each } : l,
  );
  if (!supplier) {
    if (lines.length === 0) return { problem: tr(ctx.locale, asks.supplier), ask: 'supplier', rest: '' };
    const priced = each === undefined ? '' : `${tr(ctx.locale, { 'zh-CN': '单价', en: 'price' })} ${each}`;
    const rest = [linesText(read.lines), priced, read.note, tr(ctx.locale, SUPPLIER_LABEL)].filter(Boolean);
    return { problem: tr(ctx.locale, asks.supplier), ask: 'supplier', rest: rest.join(' ') };
  }
  if (lines.length === 0) return { problem: tr(ctx.locale, asks.lines), ask: 'lines', rest: supplier.name };
  return { args: { supplier: supplier.name.slice(0, 120), lines, note: read.note } };
}

const PO_NO = /(?<![A-Za-z0-9])PO-?(\d+)(?!\d)/iu;

/** "PO-1006 收到 20 台 SKU-2002，还差一些": the purchase order and, when written, what came. */
export function readReceipt(text: string, ctx: ParseContext): ParseResult<{ no: string; lines: Line[] }> {
  const m = PO_NO.exec(text);
  if (!m) return { problem: tr(ctx.locale, asks.no), ask: 'no', rest: '' };
  const { items } = takeItems(cut(text, m.index, m[0].length));
  const lines = items.filter((i) => i.product).map((i) => ({ sku: i.product, qty: i.qty }));
  if (lines.some((l) => !Number.isInteger(l.qty) || l.qty <= 0)) return fail(ctx.locale, problems.qty);
  return { args: { no: `PO-${m[1]}`, lines } };
}
