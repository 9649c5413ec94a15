import type { ParseContext, ParseResult } from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import { cut } from '../../src/bot/slots.js';
import { findCustomerName } from '../crm/api.js';
import { fail, problems } from '../stock/api.js';
import { linesText, readLines } from './read-lines.js';
import { CUSTOMER_LABEL } from './read-order.js';
import type { SampleCommand } from './sample-commands.js';

const asks = {
  customer: { 'zh-CN': '样品送给哪个客户？', en: 'Which customer is the sample for?' },
  product: {
    'zh-CN': '送什么样品、多少？如 路由器 2台。',
    en: 'Which product, and how many? E.g. 2 routers.',
  },
  one: { 'zh-CN': '一次送一种样品；请分开说。', en: 'One product per sample; say them one by one.' },
} satisfies Record<string, Text>;

const SAMPLE_NO = /(?<![A-Za-z0-9])SMP-?(\d+)(?!\d)/iu;
const SAMPLE_WORDS =
  /帮我?|送样品?|寄样品?|样品赠送|样品|试用|赠送|送给?|寄给?|给|一下|(?<![A-Za-z])(?:send(?:ing)?|give|giving|gave|ship|as (?:a )?(?:free )?samples?|free samples?|samples?|to|for|please)(?![A-Za-z])/giu;

/**
 * "给华信科技送 2 台路由器样品，展会用", "send Contoso 2 routers as samples": customer, one
 * product line, the rest as the note; "SMP-1001 批下来了，送出去" names one waiting to be sent.
 */
export function readSample(text: string, ctx: ParseContext): ParseResult<SampleCommand> {
  const no = SAMPLE_NO.exec(text);
  if (no) return { args: { no: `SMP-${no[1]}` } };
  // "路由器样品", "routers as samples": the word would be read as part of the product's name
  const plain = text.replace(
    /样品|(?<![A-Za-z])(?:as (?:a )?(?:free )?samples?|samples?)(?![A-Za-z])/giu,
    ' ',
  );
  const customer = findCustomerName(plain);
  const read = readLines(customer ? cut(plain, customer.index, customer.length) : plain, SAMPLE_WORDS);
  if (read.bad) return fail(ctx.locale, problems.qty);
  const [line, ...more] = read.lines;
  if (more.length > 0) return fail(ctx.locale, asks.one);
  if (!customer) {
    if (!line) return { problem: tr(ctx.locale, asks.customer), ask: 'customer', rest: '' };
    // the answer ("华信科技") follows a label, as the grammar reads a name after the lines
    const rest = [linesText([line]), read.note, tr(ctx.locale, CUSTOMER_LABEL)].filter(Boolean).join(' ');
    return { problem: tr(ctx.locale, asks.customer), ask: 'customer', rest };
  }
  if (!line) return { problem: tr(ctx.locale, asks.product), ask: 'product', rest: customer.name };
  return { args: { customer: customer.name.slice(0, 120), sku: line.sku, qty: line.qty, note: read.note } };
}
