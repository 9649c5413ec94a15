import type { ParseContext, ParseResult } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { parseAssign, parseReport } from './install-commands.js';
import type { AssignArgs, ReportArgs } from './install-handlers.js';

const ORDER_NO = /\bSO-?(\d+)\b/i;
const whichOrder = {
  'zh-CN': '哪个订单？请写订单号，如 SO-1001。',
  en: 'Which order? Give its number, e.g. SO-1001.',
};

/** The sentence's order number taken out, with what is left around it. */
function splitOrder(text: string): { digits: string; rest: string } | null {
  const m = ORDER_NO.exec(text);
  if (!m?.[1]) return null;
  return { digits: m[1], rest: `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}` };
}

const ASSIGN_FILLER =
  /请|帮我|安排|派工|派|给|让|叫|去|上门|安装|装|一下|吧|订单|的|(?<![A-Za-z])(?:please|assign(?:ed)?|send|have|the|installer|installation|install|to|for|order|go|on)(?![A-Za-z])/giu;

/** "让王强去装 SO-1001，周五前" / "send Wang Qiang to install SO-1001 by Friday". */
export function readAssign(text: string, ctx: ParseContext): ParseResult<AssignArgs> {
  const found = splitOrder(text);
  if (!found) return { problem: tr(ctx.locale, whichOrder), ask: tr(ctx.locale, whichOrder) };
  // "周五前" reads as the due day: the grammar's due word goes in front of it
  const due = /(截止|期限|due|by)/i.exec(found.rest);
  const [who = '', when = ''] = due
    ? [found.rest.slice(0, due.index), found.rest.slice(due.index)]
    : [found.rest, ''];
  const name = who
    .replace(ASSIGN_FILLER, ' ')
    .replace(/[，,。.!！]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return parseAssign(`SO-${found.digits} ${name} ${when}`.trim(), ctx);
}

const DONE_FILLER =
  /^(?:\s|[，,。.:：]|安装完成了?|安装好了?|装好了?|安装完了?|装完了?|已经|已|(?<![A-Za-z])(?:installation|install(?:ed)?|is|was|done|complete(?:d)?|for|finished)(?![A-Za-z]))+/iu;

/** "SO-1001 装好了，客户很满意 https://…": the note is what follows the "done" words. */
export function readReport(text: string, ctx: ParseContext): ParseResult<ReportArgs> {
  const found = splitOrder(text);
  if (!found) return { problem: tr(ctx.locale, whichOrder), ask: tr(ctx.locale, whichOrder) };
  const note = found.rest.trim().replace(DONE_FILLER, '').trim();
  return parseReport(`SO-${found.digits} ${note}`, ctx);
}
