import type { ParseContext, ParseResult, SentenceReader } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { findCustomerName } from '../crm/api.js';
import type { PaymentArgs } from './handlers.js';
import { parseContract } from './parse.js';
import { parsePayment } from './parse-payment.js';
import type { ContractDraft } from './plan.js';

const NO = /\bHT-\d{4}-\d{4,}\b/i;
const LEAD = /^(?:请|麻烦)?(?:帮我|给我|帮忙)?(?:登记|录入|录|新建|建|记)(?:一下|一份|一个)?/u;
/** Words around the amount and the period that only say it is a contract. */
const FILLER = /\s*(?:的|元的)?\s*(?:合同|contract|running|lasting|valid|effective|期限|有效期)\s*/giu;
const needCustomer = { 'zh-CN': '哪个客户的合同？', en: 'Which customer is the contract with?' };

/**
 * "跟华信科技签了 50000 的合同，2026-12-01到2027-11-30，分期 20000 12月15日, 30000 2027-03-01":
 * the customer is the company the sentence names; from the amount on, it is read as the grammar.
 */
function readCreate(sentence: string, ctx: ParseContext): ParseResult<ContractDraft> {
  // "帮我登记金桥科技…": the verb in front is no part of the name
  const text = sentence.replace(LEAD, '');
  const name = findCustomerName(text);
  if (!name) return { problem: tr(ctx.locale, needCustomer), ask: 'customer' };
  const after = text.slice(name.index + name.length);
  const from = after.search(/[¥$€£]?\d/);
  const tail = from < 0 ? '' : after.slice(from).replace(FILLER, ' ');
  return parseContract(`${name.name} ${tail}`.trim(), ctx);
}

/** "看看 HT-2026-0001" or "华信科技的合同": the number, else the company named. */
function readShow(text: string, ctx: ParseContext): ParseResult<{ text: string }> {
  const no = NO.exec(text)?.[0];
  if (no) return { args: { text: no.toUpperCase() } };
  const name = findCustomerName(text);
  return name ? { args: { text: name.name } } : { problem: tr(ctx.locale, needCustomer), ask: 'text' };
}

/** "HT-2026-0001 收到 20000 了": the payment without a note (the sentence's other words are no note). */
function readPayment(text: string, ctx: ParseContext): ParseResult<PaymentArgs> {
  const read = parsePayment(text, ctx);
  return 'args' in read ? { args: { ...read.args, note: '' } } : read;
}

/** Free sentences read into this flow's command arguments (the grammar's parse stays the exact path). */
export const readers: Record<string, SentenceReader> = {
  'contracts.create': readCreate,
  'contracts.show': readShow,
  'contracts.mine': (): ParseResult<Record<string, never>> => ({ args: {} }),
  'contracts.payment': readPayment,
};
