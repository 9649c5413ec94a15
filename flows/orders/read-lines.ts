import { hasContent, leftover, withoutCourtesy } from '../../src/bot/nlu/fillers.js';
import { clausesOf, joinClauses } from '../../src/bot/slots.js';
import { isSkuWord, type Line, quantity, takeItems } from '../stock/api.js';

/**
 * The lines of an order or purchase from a sentence, and what else it says (the note): products
 * as written, each with its quantity. `dropped` are the words that only name the command
 * ("下单", "please book the order"); they are removed from the note. A quantity written apart
 * from its product ("路由器要补了，进 150 台") takes the one short phrase left over.
 */
export function readLines(
  text: string,
  dropped: RegExp,
): { lines: Line[]; note: string; bad?: string; price?: number } {
  const { items, rest } = takeItems(text);
  const clauses = clausesOf(rest.replace(dropped, ' '))
    .map((c) => leftover(withoutCourtesy(c)))
    .filter(hasContent);
  const lines: Line[] = [];
  for (const item of items) {
    const product =
      item.product || (clauses.length === 1 && (clauses[0]?.length ?? 99) <= 12 ? clauses.shift() : '');
    if (!product) continue;
    if (quantity(String(item.qty)) === null) return { lines: [], note: '', bad: `${product} ${item.qty}` };
    lines.push({ sku: product, qty: item.qty, ...(item.price === undefined ? {} : { price: item.price }) });
  }
  return { lines, note: joinClauses(clauses).slice(0, 500) };
}

/** Lines as the grammar reads them, for a question's `rest`: "SKU-1001x5", "网线 5pcs", "5 pcs cable". */
export const linesText = (lines: Line[]) =>
  lines
    .map((l) =>
      isSkuWord(l.sku)
        ? `${l.sku}x${l.qty}${l.price === undefined ? '' : `@${l.price}`}`
        : /\p{Script=Han}/u.test(l.sku)
          ? `${l.sku} ${l.qty}pcs`
          : `${l.qty} pcs ${l.sku}`,
    )
    .join(' ');
