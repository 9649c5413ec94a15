import { type Text, tr } from '../../src/bot/i18n.js';
import type { Locale } from '../../src/bot/types.js';
import { takeItems } from './read-items.js';

/** Pieces of the stock and order grammar shared by several commands. */

const SKU = /^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+$/;
const LINE = /^([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+)\s*[x×*]\s*(\d+)(?:@(\d+(?:\.\d+)?))?$/i;

export const problems = {
  sku: { 'zh-CN': '请写上 SKU，如 SKU-1001。', en: 'Give a SKU, e.g. SKU-1001.' },
  qty: {
    'zh-CN': '数量须为正整数（最多 1,000,000）。',
    en: 'The quantity must be a whole number from 1 to 1,000,000.',
  },
  count: {
    'zh-CN': '盘点数量须为 0 到 1,000,000 的整数。',
    en: 'The counted figure must be a whole number from 0 to 1,000,000.',
  },
  query: { 'zh-CN': '请写上 SKU 或商品名。', en: 'Give a SKU or a product name.' },
  lines: {
    'zh-CN': '请写上商品和数量，如 SKU-1001x5。',
    en: 'Give products and quantities, e.g. SKU-1001x5.',
  },
  who: { 'zh-CN': '请写上客户名称。', en: 'Give the customer name.' },
  supplier: { 'zh-CN': '请写上供应商名称。', en: 'Give the supplier name.' },
  unknownSku: { 'zh-CN': '没有商品 {sku}。', en: 'There is no product {sku}.' },
  noWarehouse: { 'zh-CN': '还没有设置仓库。', en: 'No warehouse is set up yet.' },
} satisfies Record<string, Text>;

export type Problem = { problem: string };
export const fail = (locale: Locale, text: Text): Problem => ({ problem: tr(locale, text) });

export const isSku = (word: string) => SKU.test(word);

/** More than any one movement or order line; a bigger figure is a typo, refused. */
export const MAX_QTY = 1_000_000;

/** A whole quantity; `allowZero` for counts. */
export function quantity(word: string | undefined, allowZero = false): number | null {
  if (!word || !/^[+-]?\d+(\.\d+)?$/.test(word)) return null;
  const n = Number(word);
  return Number.isInteger(n) && n <= MAX_QTY && (n > 0 || (allowZero && n === 0)) ? n : null;
}

export type Line = { sku: string; qty: number; price?: number };

/**
 * `<who> SKU-1001x5 SKU-2002x1 [note]`: the words before the first line name the customer or
 * supplier, the words after the last line are the note. `x0` or `x-1` is refused. Lines may
 * also name products in words ("华信科技 路由器 5台 交换机 2台"), looked up when the command runs.
 */
export function splitLines(rest: string): { who: string; lines: Line[]; note: string; bad?: string } {
  const words = rest.split(' ').filter(Boolean);
  const first = words.findIndex((w) => LINE.test(w) || /^[A-Za-z]+-[A-Za-z0-9-]*[x×*]-?\d/i.test(w));
  if (first < 0) return namedLines(rest);
  const lines: Line[] = [];
  let i = first;
  for (; i < words.length; i++) {
    const m = LINE.exec(words[i] ?? '');
    if (!m) {
      if (/^[A-Za-z]+-[A-Za-z0-9-]*[x×*]/i.test(words[i] ?? ''))
        return { who: '', lines: [], note: '', bad: words[i] };
      break;
    }
    const qty = Number(m[2]);
    if (qty <= 0 || qty > MAX_QTY) return { who: '', lines: [], note: '', bad: words[i] };
    lines.push({ sku: (m[1] ?? '').toUpperCase(), qty, price: m[3] ? Number(m[3]) : undefined });
  }
  return { who: words.slice(0, first).join(' '), lines, note: words.slice(i).join(' ') };
}

function namedLines(rest: string): { who: string; lines: Line[]; note: string; bad?: string } {
  const { items, span } = takeItems(rest);
  if (!span || items.some((i) => !i.product)) return { who: rest, lines: [], note: '' };
  const bad = items.find((i) => quantity(String(i.qty)) === null);
  if (bad) return { who: '', lines: [], note: '', bad: `${bad.product}x${bad.qty}` };
  return {
    who: rest.slice(0, span[0]).trim(),
    lines: items.map(({ product, qty, price }) => ({
      sku: product,
      qty,
      ...(price === undefined ? {} : { price }),
    })),
    note: rest.slice(span[1]).trim(),
  };
}

/**
 * "SKU-1001x5 周五前送到 客户 华信科技": with nothing before the lines, a name after them under one
 * of `labels` (how the answer to "which customer?" follows what was already said).
 */
export function labelledWho<S extends { who: string; note: string }>(split: S, labels: string[]): S {
  if (split.who) return split;
  const m = new RegExp(`(?:^|\\s)(?:${labels.join('|')})[:：]?\\s+(.+)$`, 'iu').exec(split.note);
  return m?.[1] ? { ...split, who: m[1].trim(), note: split.note.slice(0, m.index).trim() } : split;
}
