import type { Stage } from '../../db/models/customer.js';
import type { Channel } from '../../db/models/follow-up.js';
import { dateProblemText, isDateProblem, takeDate } from '../../src/bot/dates/index.js';
import type { ParseContext, ParseResult } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { hasContent, leftover, withoutCourtesy } from '../../src/bot/nlu/fillers.js';
import { clausesOf, joinClauses } from '../../src/bot/slots.js';
import type { Locale } from '../../src/bot/types.js';
import { type FollowUpArgs, followUpProblems } from './parse-follow-up.js';
import { findCustomerName } from './read-customer-name.js';
import { STAGE_WORDS } from './words.js';

/**
 * "log a call with 华信科技, they want a quote, follow up next Monday",
 * "今天电话里天合商贸说还在比价，下下周一再联系", "visited Contoso today, they signed, mark it won":
 * the customer, how they were reached, what happened, when to follow up next and a new stage,
 * wherever they are written. The result is the grammar's body, `<customer> <channel> <note>`.
 */
export function readFollowUp(text: string, ctx: ParseContext): ParseResult<FollowUpArgs> {
  let rest = withoutCourtesy(text);
  const customer = findCustomerName(rest);
  if (customer) rest = `${rest.slice(0, customer.index)} ${rest.slice(customer.index + customer.length)}`;

  const stage = takeStage(rest);
  if (stage) rest = stage.rest;
  // "阶段 随便": a stage was named but is none of ours — say which there are, keep nothing
  else if (/(?:阶段|stage)\s*[:：]?\s*\S/iu.test(rest))
    return { problem: tr(ctx.locale, followUpProblems.stage) };
  const channel = takeChannel(rest);
  if (channel) rest = channel.rest;

  const notes: string[] = [];
  let next: string | undefined;
  for (const clause of clausesOf(rest)) {
    if (!next && NEXT_CUE.test(clause)) {
      const found = takeDate(clause, { now: ctx.now });
      if (found && isDateProblem(found)) return { problem: dateProblemText(found, ctx.locale) };
      if (found) {
        if (found.date < (ctx.now.toISODate() ?? ''))
          return { problem: tr(ctx.locale, followUpProblems.past, { date: found.date }) };
        next = found.date;
        // "对方要下周二再谈" says more than when ("对方要再谈"); "周五再跟一次" says nothing else
        if (leftover(noteOf(found.rest.replace(NEXT_CUE_WORDS, ' '))) !== '')
          notes.push(noteOf(found.rest.replace(ONLY_WHEN, ' ')));
        continue;
      }
    }
    const note = noteOf(clause);
    if (hasContent(note)) notes.push(note);
  }

  const args: FollowUpArgs = { body: '' };
  if (next) args.next = next;
  if (stage) args.stage = stage.value;
  const note = joinClauses(notes).slice(0, 2000);
  const word = channel ? CHANNEL_WORD[channel.value][ctx.locale] : '';
  if (!customer) {
    if (!note && !word) return { problem: tr(ctx.locale, ask.customer), ask: 'customer', rest: '' };
    return { problem: tr(ctx.locale, followUpProblems.usage) };
  }
  if (!note)
    return {
      problem: tr(ctx.locale, ask.note),
      ask: 'note',
      rest: grammarSoFar(customer.name, word, args, ctx.locale),
    };
  args.body = [customer.name, word, note].filter(Boolean).join(' ');
  return { args };
}

const ask = {
  customer: { 'zh-CN': '跟进哪个客户？', en: 'Which customer did you follow up?' },
  note: { 'zh-CN': '跟进的内容是什么？', en: 'What happened? (the note)' },
};

/** Written as the grammar reads it, so the answer (the note) can simply follow. */
function grammarSoFar(customer: string, channel: string, args: FollowUpArgs, locale: Locale): string {
  const zh = locale === 'zh-CN';
  return [
    customer,
    channel,
    args.stage ? `${zh ? '阶段' : 'stage'} ${args.stage}` : '',
    args.next ? `${zh ? '下次' : 'next'} ${args.next}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

const CHANNEL_WORD: Record<Exclude<Channel, 'other'>, Record<Locale, string>> = {
  call: { 'zh-CN': '电话', en: 'call' },
  visit: { 'zh-CN': '拜访', en: 'visit' },
  wechat: { 'zh-CN': '微信', en: 'wechat' },
  email: { 'zh-CN': '邮件', en: 'email' },
  meeting: { 'zh-CN': '会议', en: 'meeting' },
  negotiation: { 'zh-CN': '洽谈', en: 'negotiation' },
};

/** How the customer was reached, as people say it; the first one written counts. */
const CHANNELS: [RegExp, Exclude<Channel, 'other'>][] = [
  [
    /(?:打了?|通了?)(?:个|一个|一通|通)?\s*(?:电话|call)|电话(?:里|中|上)?|(?:(?:had|made|did)\s+)?(?:a\s+)?(?:quick\s+)?(?:phone\s+)?call(?:ed)?(?:\s+(?:with|to))?|phoned|rang|on the phone(?:\s+with)?/iu,
    'call',
  ],
  [
    /上门拜访|拜访了?|上门|(?:(?:paid|had)\s+)?(?:a\s+)?(?:quick\s+|short\s+)?visit(?:ed)?|dropped by|went to see/iu,
    'visit',
  ],
  [
    /(?:发了?|回了?)?微信(?:上|里)?|(?:(?:had|did)\s+)?(?:a\s+)?(?:quick\s+|short\s+)?wechat(?:ed)?(?:\s+(?:with|to))?/iu,
    'wechat',
  ],
  [
    /(?:发了?|回了?)(?:封|一封)?\s*(?:邮件|email|e-mail)|邮件|(?:by\s+|an?\s+|via\s+)?e-?mail(?:ed)?|sent\s+(?:an?\s+)?e-?mail(?:\s+to)?/iu,
    'email',
  ],
  [
    /开了?(?:个|一个)?\s*(?:会|meeting)|会议|见了?(?:个)?面|见了|(?:had\s+)?(?:a\s+)?(?:quick\s+|short\s+)?meeting(?:\s+with)?|met(?:\s+with)?/iu,
    'meeting',
  ],
  [
    /洽谈了?|谈了?(?:价格|价钱|合同)|negotiat(?:ed|ion|ing)(?:\s+with)?|discussed\s+(?:the\s+)?price(?:\s+with)?/iu,
    'negotiation',
  ],
];

function takeChannel(text: string): { value: Exclude<Channel, 'other'>; rest: string } | null {
  let best: { value: Exclude<Channel, 'other'>; index: number; length: number } | null = null;
  for (const [re, value] of CHANNELS) {
    const m = new RegExp(`(?<![A-Za-z])(?:${re.source})(?![A-Za-z])`, 'iu').exec(text);
    if (m && (!best || m.index < best.index)) best = { value, index: m.index, length: m[0].length };
  }
  if (!best) return null;
  return { value: best.value, rest: `${text.slice(0, best.index)} ${text.slice(best.index + best.length)}` };
}

/** A new stage needs a word that sets it ("阶段改成有意向", "mark it won"): a bare "报价" is a note. */
const STAGE_VALUES = Object.keys(STAGE_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const STAGE_CUE = new RegExp(
  String.raw`(?:可以)?(?:(?:阶段|stage)\s*(?:改成|改为|变成|推进到|推到|到|是|为|[:：])?|(?:改成|改为|推进到|推到|标记为|标成|算是?|进入)|(?:mark(?:ed)?\s+(?:it\s+|them\s+)?(?:as\s+)?|move[ds]?\s+(?:it\s+|them\s+)?(?:to\s+)?|set\s+(?:it\s+|them\s+)?(?:to\s+)?|count\s+(?:it\s+|them\s+)?as\s+|(?:it'?s|they'?re)\s+now\s+))\s*(?:可以)?\s*(${STAGE_VALUES})(?![A-Za-z])\s*了?`,
  'iu',
);

function takeStage(text: string): { value: Stage; rest: string } | null {
  const m = STAGE_CUE.exec(text);
  const value = m?.[1] && STAGE_WORDS[m[1].toLowerCase()];
  if (!m || !value) return null;
  return { value, rest: `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}` };
}

/** A clause that says when to follow up next: its date is the next one, not any other in the sentence. */
const NEXT_CUE =
  /下次|下一次|再联系|再谈|再聊|再跟|再约|再打|再沟通|回访|跟进|follow[ -]?up|check back|touch base|reach out|next touch|call back|(?<![A-Za-z])next(?![A-Za-z])/iu;
const NEXT_CUE_WORDS =
  /下次|下一次|再联系|再谈|再聊|再跟(?:进)?(?:一次|一下)?|再约|再打|再沟通|回访|跟进|follow[ -]?up(?:\s+(?:with|on))?|check back(?:\s+(?:with them|in|on))?|touch base|reach out(?:\s+again)?|next touch|call back|(?<![A-Za-z])(?:next|on)(?![A-Za-z])/giu;

/** The cues that only say when ("下次", "follow up"); "再谈" says something more and stays in the note. */
const ONLY_WHEN =
  /下次|下一次|回访|跟进|follow[ -]?up(?:\s+(?:with|on))?|check back(?:\s+(?:with them|in|on))?|touch base|reach out(?:\s+again)?|next touch|(?<![A-Za-z])(?:next|on)(?![A-Za-z])/giu;

/** When it happened is when it is logged: "今天", "this morning" say nothing more. */
const NOW_WORDS =
  /今天|刚才|刚刚|上午|下午|早上|中午|晚上|(?<![A-Za-z])(?:today|this morning|this afternoon|just now|earlier)(?![A-Za-z])/giu;
const TRIGGERS =
  /记一下|记录一下|记录|帮我记|跟进记录|那边|方面|一次|一下|(?<![A-Za-z])(?:log(?:ged)?|record(?:ed)?|follow[ -]?up(?:\s+with)?)(?![A-Za-z])/giu;

/** "visit 完了": a clause that only says it is over. */
const ONLY_DONE = /^(?:完了|好了|结束了|done|finished|over)$/iu;

function noteOf(clause: string): string {
  const note = leftover(clause.replace(NOW_WORDS, ' ').replace(TRIGGERS, ' '));
  return ONLY_DONE.test(note) ? '' : note;
}
