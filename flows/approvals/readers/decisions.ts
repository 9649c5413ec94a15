import type { ParseContext, ParseResult, SentenceReader } from '../../../src/bot/flow.js';
import { type Text, tr } from '../../../src/bot/i18n.js';
import { cut } from '../../../src/bot/slots.js';
import { decisionQuestions } from '../decision-questions.js';
import { clauses, contentOf, squash } from './clean.js';

type Ref = { no: string; text: string };

/** "AP-1003", "ap 1003", "AP1003": the request number, wherever it sits. */
const NUMBER = /(?<![\p{L}\p{N}])AP[-\s]?(\d+)(?![\p{N}])/iu;

const asks = { ...decisionQuestions, comment: decisionQuestions.text };

/**
 * How each decision is said, in both languages: cut from the sentence so that what is left is the
 * comment or reason ("AP-1004 同意，注意安全" → 注意安全).
 */
const SAYING = {
  approve:
    /同意|批准|审批通过|通过|批了|可以批|能批|给批|签批|没问题|看过了|(?:我)?这边|\bpass\b|\blgtm\b|\b(?:i\s+)?(?:approved?|approving|sign(?:ed)?\s+off(?:\s+on)?|fine\s+by\s+me|looks\s+good(?:\s+to\s+me)?|go\s+ahead)\b|批/giu,
  reject:
    /不能同意|不同意|不能批|不批了?|别批了?|不要批|先不批了?|暂不批|不予批准|不予通过|不通过|没法批|批不了|拒绝|拒了|驳回|打回|退回|原因是|理由是|因为|\breason\s*(?:is\b|是|:|：)?|\b(?:i'?m\s+|i\s+am\s+|i\s+|we\s+)?(?:reject(?:ed|ing)?|den(?:y|ied|ying)|declin(?:e|ed|ing)|turn(?:ed|ing)?\s+down|no\s+to|no\s+on|not\s+approv(?:e|ed|ing)|(?:can'?t|cannot|don'?t|do\s+not)\s+approve|can'?t\s+go\s+through|because(?:\s+of)?)\b/giu,
  comment:
    /留句话|留言|留个言|备注|评论|说一下|说一声|写一下|写上|\b(?:(?:add|leave|drop|write|put)\s+(?:a\s+)?(?:note|comment|remark)\s+(?:to|on|for)|comment\s+on|note\s+on|tell\s+everyone\s+on|tell\s+(?:them|the\s+approvers?)\s+on|comment|note|remark)\b/giu,
} as const;

/** The number and what is left around it once the decision words are cut. */
function split(text: string): { no: string; rest: string } | null {
  const m = NUMBER.exec(text);
  if (!m?.[1]) return null;
  return { no: `AP-${m[1]}`, rest: cut(text, m.index, m[0].length) };
}

const needNumber = (ctx: ParseContext): ParseResult<Ref> => ({
  problem: tr(ctx.locale, asks.no),
  ask: 'no',
  rest: '',
});

/** Decisions that carry no text (show, urge): the number is all that is read. */
const readNumber: SentenceReader = (text, ctx) => {
  const found = split(text);
  return found ? { args: { no: found.no, text: '' } } : needNumber(ctx);
};

/** Saying yes: "同意", "可以批", "通过", "approve", "sign off", "go ahead" — not "审批" alone. */
const YES =
  /同意|批准|通过|批了|批吧|可以批|能批|给批|签批|批掉|就批|没问题|没意见|(?<![\p{L}])(?:approved?|approving|sign(?:ed)?\s+off|lgtm|go\s+ahead|fine|looks\s+good|ok|okay|yes\s+to|pass|let\s+it\s+through)(?![\p{L}])/iu;
/** Turning a request down: "不能同意", "不批", "reject", "can't approve". */
const NO =
  /不能同意|不同意|不能批|不批|别批|不要批|先不批|暂不批|不予|不通过|没法批|批不了|拒|驳回|打回|否了|(?<![\p{L}])(?:reject|rejecting|deny|denied|decline|declined|turn\s+down|not\s+approv|can'?t\s+approve|cannot\s+approve|don'?t\s+approve|can'?t\s+go\s+through|no\s+to|no\s+on)/iu;
/** Taking one's own request back: "撤回", "不要了", "提错了", "withdraw", "cancel". */
const TAKE_BACK =
  /撤回|撤销|撤掉|撤了|收回|取消|不要了|不需要了|用不着了|不去了|提交错了|提错了|(?<![\p{L}])(?:withdraw|cancel|pull|take\s+back|retract|no\s+longer\s+need(?:ed)?|don'?t\s+need)(?![\p{L}])/iu;

/**
 * A decision runs at once, so the sentence itself must say it: one that says no is never an
 * approval, one that does not say yes is not either — whatever the classifier thought. The reply
 * spells out the command to send instead.
 */
const unsure = {
  approve: {
    'zh-CN': '没看出是要同意 {no}，什么也没做。要同意请发：同意 {no}',
    en: 'I am not sure you mean to approve {no}, so nothing was done. To approve it, send: approve {no}',
  },
  rejectInstead: {
    'zh-CN': '这句话像是不同意，所以没有同意 {no}。要拒绝请发：拒绝 {no} {reason}',
    en: 'That sounds like a no, so {no} was not approved. To reject it, send: reject {no} {reason}',
  },
  reject: {
    'zh-CN': '没看出是要拒绝 {no}，什么也没做。要拒绝请发：拒绝 {no} <原因>',
    en: 'I am not sure you mean to reject {no}, so nothing was done. To reject it, send: reject {no} <reason>',
  },
  withdraw: {
    'zh-CN': '没看出是要撤回 {no}，什么也没做。要撤回请发：撤回 {no}',
    en: 'I am not sure you mean to withdraw {no}, so nothing was done. To withdraw it, send: withdraw {no}',
  },
} satisfies Record<string, Text>;

/** Approve: the comment is what is left ("AP-1004 同意，注意安全" → 注意安全). */
function readApprove(text: string, ctx: ParseContext): ParseResult<unknown> {
  const found = split(text);
  if (!found) return needNumber(ctx);
  if (NO.test(found.rest)) {
    const reason =
      contentOf(found.rest, [SAYING.reject]) || tr(ctx.locale, { 'zh-CN': '<原因>', en: '<reason>' });
    return { problem: tr(ctx.locale, unsure.rejectInstead, { no: found.no, reason }) };
  }
  if (!YES.test(found.rest)) return { problem: tr(ctx.locale, unsure.approve, { no: found.no }) };
  return { args: { no: found.no, text: contentOf(found.rest, [SAYING.approve]).slice(0, 1000) } };
}

/** Reject: the reason is what is left, asked for when nothing is. */
function readReject(text: string, ctx: ParseContext): ParseResult<unknown> {
  const found = split(text);
  if (!found) return needNumber(ctx);
  if (!NO.test(found.rest)) return { problem: tr(ctx.locale, unsure.reject, { no: found.no }) };
  const reason = contentOf(found.rest, [SAYING.reject]);
  if (!reason) return { problem: tr(ctx.locale, asks.reason), ask: 'text', rest: found.no };
  return { args: { no: found.no, text: reason.slice(0, 1000) } };
}

/** Withdraw: only one's own pending request, and only when the sentence says so. */
function readWithdraw(text: string, ctx: ParseContext): ParseResult<unknown> {
  const found = split(text);
  if (!found) return needNumber(ctx);
  if (!TAKE_BACK.test(found.rest)) return { problem: tr(ctx.locale, unsure.withdraw, { no: found.no }) };
  return { args: { no: found.no, text: '' } };
}

/** "给 AP-1009 留句话：出租车票已补上": what follows a colon is the comment, word for word. */
function readComment(text: string, ctx: ParseContext): ParseResult<unknown> {
  const found = split(text);
  if (!found) return needNumber(ctx);
  const colon = found.rest.search(/[:：]/);
  const said =
    colon >= 0 && squash(found.rest.slice(colon + 1))
      ? squash(found.rest.slice(colon + 1))
      : contentOf(found.rest, [SAYING.comment, /\bthat\b/giu, /在.{0,3}里|下面|底下/gu, /(?:说|写)$/u]);
  if (!said) return { problem: tr(ctx.locale, asks.comment), ask: 'text', rest: found.no };
  return { args: { no: found.no, text: said.slice(0, 1000) } };
}

const EMAIL = /[^\s@,，:：;；]+@[^\s@,，:：;；]+\.[A-Za-z]{2,}/u;
/** A person after a hand-over word: "转给王芳", "请李伟代批", "to Li Wei", "let Zhang Min handle". */
const HAN_NAME =
  /(?:转交给|转给|交给|转交|转|给|请|让|由)\s*(?![我你他她它这那交给转]|一下|一个)(\p{Script=Han}{2,4}?)(?=代批|代审|来批|来审|来处理|来\s*approve|处理|审批|批|审|看|签|$|[\s,，。!！?？])/u;
const LATIN_NAMES = [
  /(?:\b(?:to|let|have|ask)\s+|转交给|转给|交给|给|请|让)\s*((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+){0,2})(?![\p{L}])/u,
  // "I'd like Wang Fang to handle it", "can Li Wei take over"
  /(?<![\p{L}])((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+){0,2})\s+(?:to\s+)?(?:handle|take\s+over|take|approve|review|cover)\b/u,
];
/** Capitalised at the start of a sentence, not part of a name. */
const NOT_A_NAME = /^(?:(?:Can|Could|Would|Will|Please|Maybe|So|And|Ok|Okay)\s+)+/u;

/** "AP-1007 帮我转给王芳批", "forward AP-1006 to wang.fang@demo.example": the e-mail or name as written. */
function readReassign(text: string, ctx: ParseContext): ParseResult<unknown> {
  const found = split(text);
  if (!found) return needNumber(ctx);
  const who =
    EMAIL.exec(found.rest)?.[0] ??
    HAN_NAME.exec(found.rest)?.[1] ??
    clauses(found.rest)
      .flatMap((c) => LATIN_NAMES.map((re) => re.exec(c)?.[1]?.replace(NOT_A_NAME, '')))
      .find(Boolean);
  if (!who) return { problem: tr(ctx.locale, asks.to), ask: 'text', rest: found.no };
  return { args: { no: found.no, text: who } };
}

export const decisionReaders: Record<string, SentenceReader> = {
  'approvals.show': readNumber,
  'approvals.withdraw': readWithdraw,
  'approvals.urge': readNumber,
  'approvals.approve': readApprove,
  'approvals.reject': readReject,
  'approvals.comment': readComment,
  'approvals.reassign': readReassign,
  // lists take nothing: whatever the sentence says, it asks for the list
  'approvals.mine': () => ({ args: {} }),
  'approvals.pending': () => ({ args: {} }),
};
