import type { ParseResult, SentenceReader } from '../../src/bot/flow.js';
import { readMove, readQuery } from './read-stock.js';
import { readRule } from './reorder-commands.js';

/** Free sentences read into this flow's command arguments (the grammar's parse stays the exact path). */
export const readers: Record<string, SentenceReader> = {
  'stock.query': readQuery,
  // "什么东西该补货了": the sentence only picks the list; there is nothing to read
  'stock.low': (): ParseResult<Record<string, never>> => ({ args: {} }),
  'stock.in': readMove('in'),
  'stock.out': readMove('out'),
  'stock.count': readMove('count'),
  'stock.reorderRule': readRule,
};
