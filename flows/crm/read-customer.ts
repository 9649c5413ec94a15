import type { ParseContext, ParseResult } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { leftover, withoutCourtesy } from '../../src/bot/nlu/fillers.js';
import { clausesOf } from '../../src/bot/slots.js';
import { parseCustomer } from './parse-customer.js';
import { findCustomerName } from './read-customer-name.js';
import type { CustomerInput } from './service.js';

const asks = {
  name: { 'zh-CN': '客户叫什么名字？', en: "What is the customer's name?" },
  which: { 'zh-CN': '哪个客户？', en: 'Which customer?' },
};

/** Where the new customer's details start: after "新客户叫", "a new client,", "an account for". */
const INTRO =
  /(?:新客户|新建客户|新的客户|新公司|客户|公司|(?<![A-Za-z])(?:customer record|customer|client|account|prospect)(?![A-Za-z]))(?:\s*(?:叫做|名叫|叫|名字叫|名称是|called|named|for)(?![A-Za-z]))?[\s:：,，]*/giu;
/** "add Blue Harbor Logistics as a new customer, …": the name before the intro. */
const NAME_FIRST =
  /^(?:add|create|set up|register|录入|添加)\s+(.+?)\s+(?:as\s+(?:a\s+)?new\s+(?:customer|client|account)|为新客户)/iu;
/** A clause that only asks for the record to be made ("帮我建档", "can you add them"). */
const ONLY_ASKING =
  /^(?:帮我|请)?(?:建档|建一下|录入|录一下|加一下|添加|建个档|(?:can you |please )?add (?:them|it|him|her)|thanks|thank you)$/iu;
/** Words around a part that only say what it is: "叫百川水务", "在武汉", "北京的", "做 AI 的", "based in Ningbo". */
const PART_LEAD = /^(?:叫做|名叫|叫|是|在|位于|做|一个|一家|(?:based|located)\s+in|from|in|a|an)\s*/iu;
const PART_TAIL = /\s*的$/u;
const LABELLED = /^(来源|source|联系人|contact|电话|phone|邮箱|e-?mail)\s*(?:是|is|:|：)?\s*/iu;

/**
 * "有个新客户叫百川水务，在武汉，联系人孙工 13600002222", "please add a new customer: Maple Dental,
 * Dalian, healthcare": the words around the details are dropped, each detail is turned into the
 * grammar's comma form and read by the grammar's parser (so both read alike).
 */
export function readNewCustomer(text: string, ctx: ParseContext): ParseResult<CustomerInput> {
  let t = withoutCourtesy(text);
  const first = NAME_FIRST.exec(t);
  if (first) t = `${first[1]}, ${t.slice(first[0].length)}`;
  else {
    const intro = [...t.matchAll(INTRO)].at(0);
    if (intro) t = t.slice((intro.index ?? 0) + intro[0].length);
  }
  const parts = clausesOf(t)
    .filter((c) => !ONLY_ASKING.test(c))
    .flatMap((c, i) => (i === 0 ? splitPlace(c) : [c]))
    .map(part)
    .filter(Boolean);
  if (parts.length === 0) return { problem: tr(ctx.locale, asks.name), ask: 'name', rest: '' };
  return parseCustomer(parts.join(', '), ctx);
}

/** "Quantum Prints from Xian", "Summit Foods in Qingdao": a name and its city. */
function splitPlace(clause: string): string[] {
  const m = /^(.+?)\s+(?:from|in|based in|located in)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)$/u.exec(clause);
  return m?.[1] && m[2] ? [m[1], m[2]] : [clause];
}

function part(clause: string): string {
  const label = LABELLED.exec(clause);
  if (label?.[1]) {
    const key = label[1].toLowerCase();
    const value = clause.slice(label[0].length);
    // a phone number or an e-mail address reads by its shape; a contact or a source needs its label
    return /^(电话|phone|邮箱|e-?mail)$/.test(key) ? value : `${label[1]} ${value}`;
  }
  return clause.replace(PART_LEAD, '').replace(PART_TAIL, '').trim();
}

/** Question words around a customer's name ("远航制造那边现在是什么情况", "tell me about Northwind"). */
const ABOUT =
  /那边|现在|最近|是什么情况|什么情况|怎么样了?|的资料|的信息|资料|信息|负责人是谁|是谁|给我看下|给我看看|看看|看下|查一下|查下|调一下|(?<![A-Za-z])(?:tell me about|what'?s the latest on|what do we know about|pull up|open|show me|show|the|profile|account|info|details)(?![A-Za-z])/giu;

/** `客户 <name>` from a sentence that names one customer: the name as written. */
export function readCustomerName(text: string, ctx: ParseContext): ParseResult<{ text: string }> {
  const t = withoutCourtesy(text);
  const found = findCustomerName(t);
  if (found) return { args: { text: found.name } };
  // "华信的联系人电话": what follows 的 is what they want to know about it
  const left = leftover(t.replace(ABOUT, ' ').replace(/客户|customer/giu, ' '))
    .split('的')[0]
    ?.trim();
  if (left && left.length <= 40) return { args: { text: left } };
  return { problem: tr(ctx.locale, asks.which), ask: 'text', rest: '' };
}
