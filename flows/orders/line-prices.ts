import type { ParseResult } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { unread } from '../../src/bot/slots.js';
import type { Locale } from '../../src/bot/types.js';
import { isPrice, type Line } from '../stock/api.js';

/** A price for every line written without one; not right after a digit ("SKU-1001x5@12" is the line's own). */
const SHARED = /(?<![\d.])(?:单价|unit price|price|@)\s*[:：]?\s*[¥$]?\s*(\d+(?:\.\d+)?)(?![\d.])/giu;
const LABEL = /单价|unit price|price|@/iu;

const t = {
  price: {
    'zh-CN': '单价须大于 0、不超过 10,000,000、最多两位小数。',
    en: 'A price must be over 0, at most 10,000,000, with at most two decimals.',
  },
  several: {
    'zh-CN': '不同单价请写在各自的 SKU 后，如 SKU-1001x5@380 SKU-2002x1@850。',
    en: 'Give different prices on their SKUs, e.g. SKU-1001x5@380 SKU-2002x1@850.',
  },
};

/**
 * Unit prices written in an order or a purchase: `SKU-1001x5@380` on its line, or one
 * `单价 380` / `@380` / `price 380` anywhere for every line written without one ("路由器 5台
 * @380", "5 routers price 380"). `read` splits what is left into lines; lines left unpriced take
 * the catalogue's price when the order is placed.
 */
export function readPrices<A extends { lines: Line[]; note: string }>(
  rest: string,
  read: (rest: string) => ParseResult<A>,
  locale: Locale,
): ParseResult<A> {
  const found = [...rest.matchAll(SHARED)];
  if (found.length > 1) return { problem: tr(locale, t.several) };
  const [marker] = found;
  const parsed = read(
    marker ? `${rest.slice(0, marker.index)} ${rest.slice(marker.index + marker[0].length)}` : rest,
  );
  if ('problem' in parsed) return parsed;
  const split = parsed.args;
  // "单价 abc" is a price that could not be read, not part of the note
  if (LABEL.test(split.note)) return { problem: unread(split.note, locale) };
  const shared = marker ? Number(marker[1]) : undefined;
  const lines = split.lines.map((l) => ({ ...l, price: l.price ?? shared }));
  if (lines.some((l) => l.price !== undefined && !isPrice(l.price))) return { problem: tr(locale, t.price) };
  return { args: { ...split, lines, note: split.note.replace(/\s+/g, ' ').trim().slice(0, 500) } };
}
