import type { ParseContext, ParseResult } from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import { hasContent, leftover, withoutCourtesy } from '../../src/bot/nlu/fillers.js';
import { clausesOf, cut, joinClauses } from '../../src/bot/slots.js';
import { findCustomerName } from '../crm/api.js';
import { fail, type Line, problems } from '../stock/api.js';
import { findCarrier } from './carriers.js';
import type { OrderRef, StepArgs } from './handlers.js';
import type { OrderAction } from './pipeline.js';
import { linesText, readLines } from './read-lines.js';

const asks = {
  customer: { 'zh-CN': '给哪个客户下单？', en: 'Which customer is the order for?' },
  lines: {
    'zh-CN': '要哪些商品、各多少？如 路由器 5台。',
    en: 'Which products, how many each? E.g. 5 routers.',
  },
  no: { 'zh-CN': '哪个订单？请写订单号，如 SO-1001。', en: 'Which order? Give its number, e.g. SO-1001.' },
  carrier: { 'zh-CN': '哪家物流，运单号是多少？', en: 'Which carrier, and the tracking number?' },
  tracking: { 'zh-CN': '运单号是多少？', en: 'What is the tracking number?' },
} satisfies Record<string, Text>;

/** The grammar's label for a customer written after the lines (how a question for it is answered). */
export const CUSTOMER_LABEL: Text = { 'zh-CN': '客户', en: 'customer' };

const ORDER_WORDS =
  /帮我?下单|帮我?|下个?单|下一单|下了|的单|开个?(?:销售)?单|开个|下个|录(?:一下)?|确认要|订了|追加|要|(?<![A-Za-z])(?:(?:(?:place|book|create|open|raise)(?: an?| the)? )?(?:new )?(?:sales )?order(?: for)?|(?:an?|the) (?:new )?(?:sales )?order|orders?|ordering|wants to buy|wants|needs|is buying|buying|buy|for)(?![A-Za-z])/giu;

type OrderArgs = { customer: string; lines: Line[]; note: string };

/** "天合商贸要 6 台摄像头，月底前交付", "Fabrikam needs 12 routers": customer, lines, note. */
export function readOrder(text: string, ctx: ParseContext): ParseResult<OrderArgs> {
  const t = withoutCourtesy(text);
  const customer = findCustomerName(t);
  const read = readLines(customer ? cut(t, customer.index, customer.length) : t, ORDER_WORDS);
  if (read.bad) return fail(ctx.locale, problems.qty);
  const { lines, note } = read;
  if (!customer) {
    if (lines.length === 0) return { problem: tr(ctx.locale, asks.customer), ask: 'customer', rest: '' };
    const rest = [linesText(lines), note, tr(ctx.locale, CUSTOMER_LABEL)].filter(Boolean).join(' ');
    return { problem: tr(ctx.locale, asks.customer), ask: 'customer', rest };
  }
  if (lines.length === 0) return { problem: tr(ctx.locale, asks.lines), ask: 'lines', rest: customer.name };
  return { args: { customer: customer.name.slice(0, 120), lines, note } };
}

const ORDER_NO = /(?<![A-Za-z0-9])SO-?(\d+)(?!\d)/iu;

/** A question about an order, not news of it: "发货了没有", "has it shipped yet?". */
const QUESTION =
  /[?？]|吗|没有|了没|呢|什么|啥|哪|多久|几时|进度|(?<![A-Za-z])(?:when|where|what|did|has|have|is it|yet|status|how)(?![A-Za-z])/iu;

/**
 * "SO-1001 发货了没有", "status of SO-1001?": the order, no step. Said as news rather than asked
 * ("SO-1006 shipped with DHL, tracking JD014600"), the step is read too, as the grammar's
 * `订单 SO-… 发货 …` does.
 */
export function readOrderRef(text: string, ctx: ParseContext): ParseResult<OrderRef> {
  const m = ORDER_NO.exec(text);
  if (!m) return { problem: tr(ctx.locale, asks.no), ask: 'no', rest: '' };
  const no = `SO-${m[1]}`;
  if (QUESTION.test(text)) return { args: { no, step: null } };
  const step = readStep(text, ctx);
  if ('problem' in step) return step;
  return { args: { no, step: step.args.action === 'next' ? null : step.args } };
}

/** How people say an order moved on; the first one written counts. */
const STEPS: [RegExp, OrderAction][] = [
  [/取消了?|撤单|不要了|(?<![A-Za-z])(?:cancel(?:l?ed)?|backed out|called off)(?![A-Za-z])/iu, 'cancel'],
  [
    /(?:开始)?生产中?|投产|排产|(?<![A-Za-z])(?:in production|production|produc(?:e|ing)|manufactur\w*)(?![A-Za-z])/iu,
    'produce',
  ],
  [
    /已?发货了?|已?发(?:了|出去|走)?(?=$|[,，\s])|寄出|寄了|发出|(?<![A-Za-z])(?:shipped|ship(?:ped)? out|dispatched|sent out|ship)(?![A-Za-z])/iu,
    'ship',
  ],
  [/在路上|运输中|物流中|(?<![A-Za-z])(?:on the way|in transit|transit|en route)(?![A-Za-z])/iu, 'transit'],
  [/送到了?|送达|签收了?|(?<![A-Za-z])(?:delivered|arrived|reached the customer)(?![A-Za-z])/iu, 'deliver'],
  [
    /装好了?|安装好了?|安装完|装完|(?<![A-Za-z])(?:installed|install(?:ation)? (?:is )?(?:done|complete))(?![A-Za-z])/iu,
    'install',
  ],
  [
    /完成了?|完结|结单|关闭|(?<![A-Za-z])(?:completed?|close(?:d)?(?: it)?(?: out)?|done|finished)(?![A-Za-z])/iu,
    'complete',
  ],
];
const TRACKING_LABEL = /(?:tracking(?:\s+(?:no|number))?|运单号|单号|运单)[\s:：#.]*([A-Za-z0-9-]{4,})/iu;
/** A tracking number by its look: letters and digits, or a long run of digits. */
const TRACKING_SHAPE =
  /(?<![A-Za-z0-9-])(?=[A-Za-z0-9]*\d)(?:[A-Za-z]{1,4}\d{5,}|\d{8,}|[0-9][A-Za-z0-9]{7,})(?![A-Za-z0-9-])/u;
/** "客户签收了": the customer alone is who did it, not a note. */
const WHO_ALONE = /^(?:(?:客户|对方)说?|customer|they)$/iu;
const STEP_WORDS =
  /把|改成|改为|推进到|推到|推进(?:一下)?|往下推|标记为|已经|了|今天|(?<![A-Za-z])(?:mark(?:ed)?(?: it)?(?: as)?|move(?: it)? to|it|is|has|been|with|via|by|tracking(?:\s+(?:no|number))?|the order|advance|move (?:it )?(?:along|on))(?![A-Za-z])/giu;

/**
 * "SO-1006 shipped with DHL, tracking JD014600", "把 SO-1008 改成生产中", "cancel SO-1009, customer
 * backed out": the order, the step (none written: the next one), carrier and tracking for a
 * shipment, a note for the rest.
 */
export function readStep(text: string, ctx: ParseContext): ParseResult<StepArgs> {
  const t = withoutCourtesy(text);
  const m = ORDER_NO.exec(t);
  if (!m) return { problem: tr(ctx.locale, asks.no), ask: 'no', rest: '' };
  const no = `SO-${m[1]}`;
  let rest = cut(t, m.index, m[0].length);
  const step = STEPS.map(([re, action]) => ({ action, m: re.exec(rest) }))
    .filter((s) => s.m)
    .sort((a, b) => (a.m?.index ?? 0) - (b.m?.index ?? 0))[0];
  const action = step?.action ?? 'next';
  // "is complete, close it out": every way the step was said goes, not only the first
  const said = STEPS.find(([, a]) => a === action)?.[0];
  if (said) rest = rest.replace(new RegExp(said.source, 'giu'), ' ');
  if (action !== 'ship') {
    const notes = clausesOf(rest.replace(STEP_WORDS, ' ')).map((c) => leftover(withoutCourtesy(c)));
    const note = joinClauses(notes.filter((n) => hasContent(n) && !WHO_ALONE.test(n)));
    return { args: { no, action, carrier: '', tracking: '', note: note.slice(0, 500) } };
  }
  const carrier = findCarrier(rest) ?? namedCarrier(rest);
  if (carrier) rest = cut(rest, carrier.index, carrier.name.length);
  const tracking = TRACKING_LABEL.exec(rest)?.[1] ?? TRACKING_SHAPE.exec(rest)?.[0];
  const grammar = tr(ctx.locale, { 'zh-CN': '发货', en: 'ship' });
  if (!carrier) return { problem: tr(ctx.locale, asks.carrier), ask: 'carrier', rest: `${no} ${grammar}` };
  if (!tracking)
    return {
      problem: tr(ctx.locale, asks.tracking),
      ask: 'tracking',
      rest: `${no} ${grammar} ${carrier.name}`,
    };
  return { args: { no, action, carrier: carrier.name, tracking, note: '' } };
}

/** A carrier not in our table, where the sentence marks one: "with Kuehne", "物流是安能". */
function namedCarrier(text: string): { name: string; index: number } | null {
  const m =
    /(?:(?<![A-Za-z])(?:with|via|by)\s+|(?:物流|快递)(?:是|用|走)?[:：]?\s*)([A-Z][\w-]*|[\p{Script=Han}]{2,6}?(?=[,，\s]|$))/u.exec(
      text,
    );
  if (!m?.[1] || /\d/.test(m[1])) return null;
  return { name: m[1], index: (m.index ?? 0) + m[0].length - m[1].length };
}
