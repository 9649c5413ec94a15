import type { ParseResult, SentenceReader } from '../../src/bot/flow.js';
import { readPrices } from './line-prices.js';
import { readAssign, readReport } from './read-install.js';
import { readOrder, readOrderRef, readStep } from './read-order.js';
import { readPurchase, readReceipt } from './read-purchase.js';
import { readSample } from './read-sample.js';

/** Free sentences read into this flow's command arguments (the grammar's parse stays the exact path). */
export const readers: Record<string, SentenceReader> = {
  // "华信科技要 5 台路由器，单价 380": the same price words as the grammar
  'orders.create': (text, ctx) => readPrices(text, (rest) => readOrder(rest, ctx), ctx.locale),
  'orders.show': readOrderRef,
  'orders.advance': readStep,
  // "我名下还有几单没交付": the sentence only picks the list; there is nothing to read
  'orders.mine': (): ParseResult<Record<string, never>> => ({ args: {} }),
  'purchase.create': readPurchase,
  'purchase.receive': readReceipt,
  'orders.sample': readSample,
  'orders.install.assign': readAssign,
  'orders.install.done': readReport,
};
