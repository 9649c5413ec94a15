import { DateTime } from 'luxon';
import type { Stage } from '../../db/models/customer.js';
import { dateProblemText, isDateProblem, takeDate } from '../../src/bot/dates/index.js';
import type { ParseContext, ParseResult } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { STAGE_WORDS } from './words.js';

/** What the text says; the customer name and note are split once the name is looked up. */
export type FollowUpArgs = { body: string; next?: string; stage?: Stage };

// "next step" is a negotiation's outcome, not a date
const NEXT = /(?:^|\s)(下次|next)(?!\s*step)(?=\s|$|\P{Script=Latin})/iu;
const STAGE = /(?:^|\s)(?:阶段|stage)\s*(\S+)/iu;

export const followUpProblems = {
  usage: {
    'zh-CN': '请写上客户和跟进内容，如：跟进 华为 电话 聊了报价 下次 周五',
    en: 'Say the customer and what happened, e.g. follow up Acme call discussed pricing next Friday',
  },
  note: { 'zh-CN': '请写上跟进内容。', en: 'Write what happened (the note).' },
  date: { 'zh-CN': '看不懂下次跟进的日期“{text}”。', en: 'I could not read the next date "{text}".' },
  past: { 'zh-CN': '下次跟进日期 {date} 已经过去了。', en: 'The next follow-up date {date} is in the past.' },
  stage: {
    'zh-CN': '阶段是：线索、已联系、有意向、方案、赢单、输单。',
    en: 'Stages: lead, contacted, qualified, proposal, won, lost.',
  },
};

/**
 * `<customer> [channel] <note> [下次|next <date>] [阶段|stage <stage>]`. The next date must be
 * today or later in the writer's calendar; anything after it that is not the date is note text.
 */
export function parseFollowUp(rest: string, ctx: ParseContext): ParseResult<FollowUpArgs> {
  let body = rest;
  const args: FollowUpArgs = { body: '' };
  const stage = STAGE.exec(body);
  if (stage) {
    const value = STAGE_WORDS[(stage[1] ?? '').toLowerCase()];
    if (!value) return { problem: tr(ctx.locale, followUpProblems.stage) };
    args.stage = value;
    body = `${body.slice(0, stage.index)} ${body.slice(stage.index + stage[0].length)}`.trim();
  }
  const next = NEXT.exec(body);
  if (next) {
    const after = body.slice(next.index + next[0].length).trim();
    const found = takeDate(after, { now: ctx.now });
    if (found && isDateProblem(found)) return { problem: dateProblemText(found, ctx.locale) };
    if (!found) return { problem: tr(ctx.locale, followUpProblems.date, { text: after.slice(0, 30) }) };
    if (found.date < (ctx.now.toISODate() ?? ''))
      return { problem: tr(ctx.locale, followUpProblems.past, { date: found.date }) };
    args.next = found.date;
    body = `${body.slice(0, next.index)} ${found.rest}`.trim();
  }
  const words = body.split(/\s+/).filter(Boolean);
  if (words.length === 0) return { problem: tr(ctx.locale, followUpProblems.usage) };
  if (words.length === 1 && !args.stage) return { problem: tr(ctx.locale, followUpProblems.note) };
  args.body = words.join(' ');
  return { args };
}

/** A next date (ISO, the writer's calendar) as the start of that day in their zone. */
export const dayStart = (iso: string, zone: string) =>
  DateTime.fromISO(iso, { zone }).startOf('day').toJSDate();
