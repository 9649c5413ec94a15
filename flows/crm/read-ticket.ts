import type { ParseContext, ParseResult } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { hasContent, leftover, withoutCourtesy } from '../../src/bot/nlu/fillers.js';
import { clausesOf, joinClauses } from '../../src/bot/slots.js';
import { customerAndText } from './read-pool.js';

const asks = {
  which: { 'zh-CN': '哪个客户的问题？', en: 'Which customer is it for?' },
  problem: { 'zh-CN': '客户遇到了什么问题？', en: 'What is the problem?' },
  no: { 'zh-CN': '哪张工单？请写工单号，如 TK-1001。', en: 'Which ticket? Give its number, e.g. TK-1001.' },
  note: { 'zh-CN': '怎么解决的？', en: 'What was done to fix it?' },
};

const OPEN =
  /开个?(?:工)?单|开工单|报个?修|帮?登记个?(?:售后)?(?:问题)?|售后问题|跟一下|需要处理|处理一下|需要\s*support|反馈|那边|(?<![\p{L}])说|(?<![A-Za-z])(?:open(?:ed)? a (?:service )?(?:ticket|case)(?: for)?|raise(?:d)? a (?:service )?(?:ticket|case)(?: for)?|log a (?:service )?(?:ticket|case)(?: for)?|(?:a )?(?:service )?(?:ticket|case) for|reports?|reported|says?|can someone (?:look|check)(?: at it)?|someone (?:needs to|should) look(?: at it)?|their)(?![A-Za-z])/giu;

/** "华信科技说交换机风扇很响，需要处理" → `华信科技 交换机风扇很响`: the customer, then the problem. */
export function readTicket(text: string, ctx: ParseContext): ParseResult<{ text: string }> {
  const { name, said } = customerAndText(text, OPEN);
  if (!name) return { problem: tr(ctx.locale, asks.which), ask: 'text', rest: '' };
  if (!said) return { problem: tr(ctx.locale, asks.problem), ask: 'problem', rest: name };
  return { args: { text: `${name} ${said}`.slice(0, 2000) } };
}

const TICKET_NO = /(?<![A-Za-z0-9])TK-?(\d+)(?![\d])/iu;
const RESOLVED =
  /(?:那个|这个|那张|这张)?(?:工单|单子)|已?处理(?:完|好)?了?|可以关了?|关掉|关了|标记为已解决|标记为解决|已?解决了?|搞定了?|修好了?|done\s*了?|(?<![A-Za-z])(?:is |was |has been |got )?(?:resolved|closed|fixed|done)|(?:please )?(?:close|resolve|mark)(?: it)?(?: as)?(?: resolved)?|we (?:fixed|solved|sorted)|by(?= \w+ing)(?![A-Za-z])/giu;

/** "TK-1006 处理完了，重新配置了网络" → TK-1006 + 重新配置了网络. */
export function readResolve(text: string, ctx: ParseContext): ParseResult<{ no: string; note: string }> {
  const t = withoutCourtesy(text);
  const m = TICKET_NO.exec(t);
  const without = m ? `${t.slice(0, m.index)} ${t.slice(m.index + m[0].length)}` : t;
  const note = joinClauses(
    clausesOf(without)
      .map((c) => leftover(c.replace(RESOLVED, ' ')))
      .filter(hasContent),
  );
  if (!m)
    return note
      ? { problem: tr(ctx.locale, asks.no) }
      : { problem: tr(ctx.locale, asks.no), ask: 'no', rest: '' };
  const no = `TK-${m[1]}`;
  if (!note) return { problem: tr(ctx.locale, asks.note), ask: 'note', rest: no };
  return { args: { no, note: note.slice(0, 2000) } };
}
