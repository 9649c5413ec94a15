import type { ParseResult } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { unread } from '../../src/bot/slots.js';
import type { Locale } from '../../src/bot/types.js';
import { isPrice, type Line } from '../stock/api.js';

const PRICE = /(?:单价|unit price|price|@)\s*[:：]?\s*[¥$]?\s*(\d+(?:\.\d+)?)(?![\d.])/i;
const PRICE_LABEL = /单价|unit price|price|@/i;

const t = {
  price: {
    'zh-CN': '单价须大于 0、不超过 10,000,000、最多两位小数。',
    en: 'A price must be over 0, at most 10,000,000, with at most two decimals.',
  },
};

/**
 * Unit prices written on lines of an order or a purchase: `SKU-1001x5@1200` on its line, or one
 * `单价 1200` / `@1200` / `price 1200` in the rest for every line written without one (so
 * "路由器 5台 @1200" prices the routers). Lines left unpriced take the catalogue's price later.
 */
export function withWrittenPrices(
  split: { lines: Line[]; note: string },
  locale: Locale,
): ParseResult<{ lines: Line[]; note: string }> {
  const price = PRICE.exec(split.note);
  // "单价 abc" is a price that could not be read, not part of the note
  if (!price && PRICE_LABEL.test(split.note)) return { problem: unread(split.note, locale) };
  const shared = price ? Number(price[1]) : undefined;
  const lines = split.lines.map((l) => ({ ...l, price: l.price ?? shared }));
  if (lines.some((l) => l.price !== undefined && !isPrice(l.price))) return { problem: tr(locale, t.price) };
  const note = (price ? split.note.replace(price[0], ' ') : split.note).replace(/\s+/g, ' ').trim();
  return { args: { lines, note } };
}
