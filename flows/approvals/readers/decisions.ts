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
    /不能同意|不同意|不能批|不批|不予批准|不予通过|不通过|没法批|批不了|拒绝|拒了|驳回|打回|退回|原因是|理由是|因为|\breason\s*(?:is\b|是|:|：)?|\b(?:i'?m\s+|i\s+am\s+)?(?:reject(?:ed|ing)?|den(?:y|ied|ying)|declin(?:e|ed|ing)|turn(?:ed|ing)?\s+down|no\s+to|not\s+approv(?:e|ed|ing)|can'?t\s+approve|cannot\s+approve|because(?:\s+of)?)\b/giu,
  comment:
    /留句话|留言|留个言|备注|评论|说一下|说一声|写一下|写上|\b(?:add\s+(?:a\s+)?(?:note|comment)\s+(?:to|on)|put\s+(?:a\s+)?(?:note|comment)\s+on|comment\s+on|note\s+on|tell\s+everyone\s+on|tell\s+(?:them|the\s+approvers?)\s+on|comment|note|remark)\b/giu,
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

/** Decisions that carry no text (show, withdraw, urge): the number is all that is read. */
function numberOnly(): SentenceReader {
  return (text, ctx) => {
    const found = split(text);
    return found ? { args: { no: found.no, text: '' } } : needNumber(ctx);
  };
}

/** A decision with free text: optional (a comment on approval) or asked for (a rejection's reason). */
function withText(noise: RegExp, required?: Text): SentenceReader {
  return (text, ctx) => {
    const found = split(text);
    if (!found) return needNumber(ctx);
    const said = contentOf(found.rest, [noise]);
    if (required && !said) return { problem: tr(ctx.locale, required), ask: 'text', rest: found.no };
    return { args: { no: found.no, text: said.slice(0, 1000) } };
  };
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
  /(?:转交给|转给|交给|转交|转|给|请|让|由)\s*(?![我你他她它这那])(\p{Script=Han}{2,4}?)(?=代批|代审|来批|来审|来处理|来\s*approve|处理|审批|批|审|看|签|$|[\s,，。!！?？])/u;
const LATIN_NAME =
  /(?:\b(?:to|let|have|ask)\s+|转交给|转给|交给|给|请|让)\s*((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+){0,2})(?![\p{L}])/u;

/** "AP-1007 帮我转给王芳批", "forward AP-1006 to wang.fang@demo.example": the e-mail or name as written. */
function readReassign(text: string, ctx: ParseContext): ParseResult<unknown> {
  const found = split(text);
  if (!found) return needNumber(ctx);
  const who =
    EMAIL.exec(found.rest)?.[0] ??
    HAN_NAME.exec(found.rest)?.[1] ??
    clauses(found.rest)
      .map((c) => LATIN_NAME.exec(c)?.[1])
      .find(Boolean);
  if (!who) return { problem: tr(ctx.locale, asks.to), ask: 'text', rest: found.no };
  return { args: { no: found.no, text: who } };
}

export const decisionReaders: Record<string, SentenceReader> = {
  'approvals.show': numberOnly(),
  'approvals.withdraw': numberOnly(),
  'approvals.urge': numberOnly(),
  'approvals.approve': withText(SAYING.approve),
  'approvals.reject': withText(SAYING.reject, asks.reason),
  'approvals.comment': readComment,
  'approvals.reassign': readReassign,
  // lists take nothing: whatever the sentence says, it asks for the list
  'approvals.mine': () => ({ args: {} }),
  'approvals.pending': () => ({ args: {} }),
};
