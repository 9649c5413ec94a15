import type { ParseContext, ParseResult } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { hasContent, leftover, withoutCourtesy } from '../../src/bot/nlu/fillers.js';
import { clausesOf, cut, joinClauses } from '../../src/bot/slots.js';
import { findCustomerName } from './read-customer-name.js';

/**
 * A customer and, for some commands, what is said about it: "华信科技我放弃了，对方项目取消" →
 * 华信科技 + 对方项目取消. `triggers` are the words that only name the command; they are dropped.
 */
export function customerAndText(text: string, triggers: RegExp): { name: string; said: string } {
  const t = withoutCourtesy(text);
  const found = findCustomerName(t);
  const without = found ? cut(t, found.index, found.length) : t;
  const said = joinClauses(
    clausesOf(without)
      .map((c) => leftover(withoutCourtesy(c.replace(triggers, ' '))))
      .filter(hasContent),
  );
  return { name: found?.name ?? '', said };
}

const asks = {
  which: { 'zh-CN': '哪个客户？', en: 'Which customer?' },
  reason: { 'zh-CN': '为什么放回公海？', en: 'Why does it go back to the pool?' },
};

const CLAIM =
  /领取|认领|领过来|领了|划到我名下|划给我|归我|我来跟|我名下|(?<![A-Za-z])(?:claim(?:ed)?|take over|from the pool|put|under my name|assign(?:ed)? (?:it |them )?to me)(?![A-Za-z])|我|吧/giu;

/** "我要认领远航制造", "I'd like to claim Contoso from the pool": the customer, as written. */
export function readClaim(text: string, ctx: ParseContext): ParseResult<{ text: string }> {
  const { name, said } = customerAndText(text, CLAIM);
  const written = name || (said.split(/[\s,，]/)[0] ?? '');
  return written
    ? { args: { text: written } }
    : { problem: tr(ctx.locale, asks.which), ask: 'text', rest: '' };
}

const RELEASE =
  /我?放弃了?|不跟了|(?:退|放|还|交)(?:给|回)?公海|回公海|退回|释放|让给别人|(?<![A-Za-z])(?:release[ds]?|(?:is |am |i'm )?giving (?:it |them )?back|(?:can )?go(?:es)? back|(?:back )?to the pool|drop(?:ped)?|let go of|(?:i )?(?:don'?t|do not) want(?: (?:it|them))?|any ?more)(?![A-Za-z])/giu;

/** "把远航制造退回公海，半年没回音" → `远航制造 半年没回音`: the customer first, then the reason. */
export function readRelease(text: string, ctx: ParseContext): ParseResult<{ text: string }> {
  const { name, said } = customerAndText(text, RELEASE);
  if (!name) return { problem: tr(ctx.locale, asks.which), ask: 'text', rest: '' };
  if (!said) return { problem: tr(ctx.locale, asks.reason), ask: 'reason', rest: name };
  return { args: { text: `${name} ${said}`.slice(0, 2000) } };
}

const FIELD_CHECK_IN =
  /外勤打卡|外勤签到|(?:打|签)(?:个|一下)?外勤(?:卡|到)?|外勤|打(?:个|一下)?卡|签(?:个)?到|到了|在|(?<![A-Za-z])(?:field check[- ]?in(?: at)?|check(?:ed|ing)? in(?: at)?|(?:i'?m |i am )?(?:at|here|arrived at)|on site(?: at)?)(?![A-Za-z])/giu;
const asksWhere = { 'zh-CN': '在哪个客户处打卡？', en: 'At which customer?' };

/** "我到华信科技了，外勤打个卡，在南山园区" → `华信科技 南山园区`: the customer, then the place. */
export function readFieldCheckIn(text: string, ctx: ParseContext): ParseResult<{ text: string }> {
  const { name, said } = customerAndText(text, FIELD_CHECK_IN);
  if (!name) return { problem: tr(ctx.locale, asksWhere), ask: 'text', rest: '' };
  return { args: { text: `${name} ${said}`.trim().slice(0, 2000) } };
}
