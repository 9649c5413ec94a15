import { isDateProblem, takeDate } from '../../../src/bot/dates/index.js';
import type { ParseContext, ParseResult } from '../../../src/bot/flow.js';
import { cut } from '../../../src/bot/slots.js';
import { dateRefused } from '../requests/fields.js';
import type { RequestType } from '../requests/request-type.js';
import { transfer } from '../requests/transfer.js';
import { clauses, joinClauses, tidyClause } from './clean.js';
import { finishRequest, type Layout } from './request-reading.js';

/** A department as people write it: "销售部", "研发中心", "Sales", "Customer Success". */
const UNIT = String.raw`\p{Script=Han}{1,8}?(?:事业部|部门|部|中心|团队|组)`;
const NAME_EN = String.raw`[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*`;
/** Where to: "调去销售部", "到研发部", "去 Sales 团队", "to the Marketing team". */
const GOING = [
  new RegExp(
    String.raw`(?:调去|调到|调入|转到|转去|调往|去|到|进|加入)\s*(${NAME_EN}|${UNIT})(?:\s*(?:团队|部门|部|组))?`,
    'u',
  ),
  new RegExp(
    String.raw`(?<![\p{L}])(?:to|into|join|joining)\s+(?:the\s+)?(${NAME_EN})(?:\s+(?:team|department|dept|group))?`,
    'u',
  ),
];
/** A department named without a direction: "部门是 Sales", "市场部". */
const NAMED = [
  /(?:部门|department|dept)\s*(?:是|为|:|：|is)?\s*([^\s,，。;；]+)/iu,
  new RegExp(`(${UNIT})`, 'u'),
];
/** A word that can be a department on its own, as the grammar puts it first. */
const DEPARTMENT_WORD = new RegExp(String.raw`^(?:[A-Z][\w&-]*|${UNIT})$`, 'u');
const CAPITALISED = /^[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2}$/u;
/** Where from: "从客服部调去…", "从客服转去…": not the request, cut. */
const FROM_DEPARTMENT = /从\s*[^\s,，。;；调转去到]{1,12}(?=\s*(?:调|转|去|到))/u;
const WORDS_EN = String.raw`[A-Za-z][\w-]*(?:\s+(?!(?:from|starting|effective|next|this|on|in|at|as|to|by|for|because|since|due|so|and|with|i|me|we|asap)\b)[A-Za-z][\w-]*){0,3}`;
/** The position: "做大客户经理", "当测试", "as a product marketer", "position backend developer". */
const POSITION = [
  new RegExp(String.raw`(?:担任|做|当|任|岗位是|职位是|岗位|职位)\s*(${WORDS_EN}|[^\s,，。;；?？!！]+)`, 'u'),
  new RegExp(
    String.raw`(?<![\p{L}])(?:as|position|role|become)(?:\s+(?:is|of))?(?:\s+(?:an?|the))?\s+(${WORDS_EN})`,
    'iu',
  ),
];

/** Asking for the move, not why: "调岗", "内部调动", "生效", "transfer", "effective". */
const NOISE = [
  /(?:发起|申请|办理|提)?(?:个|一个)?(?:部门)?(?:内部)?(?:调岗|调动|转岗|换部门|调部门)(?:申请)?|发起|申请|生效|开始|起/gu,
  // days the date module does not read yet: asked for, never kept as the reason
  /元旦|春节|国庆|节后|年后|明年|今年/gu,
  /\b(?:request(?:ing)?|transfer(?:red|ring)?(?:\s+me)?|(?:an?\s+)?(?:internal\s+)?move|switch(?:ing)?\s+(?:departments?|teams?)|switch|change\s+(?:departments?|teams?)|file|effective|starting|start|from|as\s+of)\b/giu,
];

/**
 * "我想从客服部调去销售部做大客户经理，2027年1月1日生效" → 销售部, 大客户经理, 2027-01-01;
 * "I'd like to transfer to the Marketing team as a product marketer from Jan 4 2027";
 * "帮我发起调岗：市场部 品牌经理 12月14日" → in the grammar's order.
 */
export function readTransfer(text: string, ctx: ParseContext): ParseResult<unknown> {
  const rt = transfer as unknown as RequestType;
  const date = takeDate(text, ctx);
  if (date && isDateProblem(date)) return finishRequest(rt, dateRefused(date, ctx.locale), ctx, layout);
  const said = (date?.rest ?? text).replace(FROM_DEPARTMENT, ' ');
  const fields = readPlaces(said);
  return finishRequest(rt, { fields: { ...fields, effectiveDate: date?.date } }, ctx, layout);
}

function readPlaces(said: string): { department?: string; position?: string; reason: string } {
  const content = (text: string) =>
    clauses(text)
      .map((c) => tidyClause(c, NOISE))
      .filter(Boolean);
  const going = first(GOING, said);
  // no "调到…"/"to …" but "市场部 品牌经理 …": the grammar's order
  const [lead = '', ...others] = content(said);
  const [one = '', two, ...more] = lead.split(' ');
  if (!going && two && DEPARTMENT_WORD.test(one))
    return {
      department: one,
      position: two,
      reason: joinClauses([more.join(' '), ...others].filter(Boolean)),
    };

  const department = going ?? first(NAMED, said);
  let rest = department?.rest ?? said;
  let position = first(POSITION, rest)?.value;
  if (position) rest = first(POSITION, rest)?.rest ?? rest;
  else if (department) {
    // "调到财务部 会计": the word right after the department
    const next = /^\s+([^\s,，。;；]+)/u.exec(department.after)?.[1];
    if (next && rest.includes(next)) {
      position = next;
      rest = rest.replace(next, ' ');
    }
  }
  const left = content(rest);
  // "…: Marketing, content lead": a clause that is only a name, then the position
  let named = department?.value;
  if (!named && left[0] && CAPITALISED.test(left[0])) {
    named = left.shift();
    if (!position && left[0] && left[0].split(' ').length <= 4) position = left.shift();
  }
  return { department: named, position, reason: joinClauses(left) };
}

/** The first pattern that matches: its value, the text without it, and what followed it. */
function first(patterns: RegExp[], text: string) {
  for (const re of patterns) {
    const m = re.exec(text);
    if (m?.[1])
      return {
        value: m[1].trim(),
        rest: cut(text, m.index, m[0].length),
        after: text.slice(m.index + m[0].length),
      };
  }
  return undefined;
}

/** `调岗 <department> <position> <effective date> [reason]`. */
const layout: Layout = {
  pieces: (f) => [
    { field: 'department', text: String(f.department ?? ''), word: true },
    { field: 'position', text: String(f.position ?? ''), word: true },
    { field: 'effectiveDate', text: String(f.effectiveDate ?? '') },
    { field: 'reason', text: String(f.reason ?? ''), free: true },
  ],
  answers: (ctx) => ({
    department: 'Sales',
    position: ctx.locale === 'en' ? 'manager' : '经理',
    effectiveDate: ctx.now.toISODate() ?? '',
  }),
};
