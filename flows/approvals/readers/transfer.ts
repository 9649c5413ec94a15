import { isDateProblem, takeDate } from '../../../src/bot/dates/index.js';
import type { ParseContext, ParseResult } from '../../../src/bot/flow.js';
import { cut } from '../../../src/bot/slots.js';
import { dateRefused } from '../requests/fields.js';
import type { RequestType } from '../requests/request-type.js';
import { transfer } from '../requests/transfer.js';
import { contentOf } from './clean.js';
import { finishRequest, type Layout } from './request-reading.js';

/** A department as people write it: "销售部", "研发中心", "Sales", "Customer Success". */
const UNIT = String.raw`\p{Script=Han}{1,8}?(?:事业部|部门|部|中心|团队|组)`;
const NAME_EN = String.raw`[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*`;
/** Where to: "调去销售部", "到研发部", "去 Sales 团队", "to the Marketing team", "部门是 Sales". */
const TO_DEPARTMENT = [
  new RegExp(
    String.raw`(?:调去|调到|调入|转到|转去|调往|去|到|进|加入)\s*(${NAME_EN}|${UNIT})(?:\s*(?:团队|部门|部|组))?`,
    'u',
  ),
  new RegExp(
    String.raw`(?<![\p{L}])(?:to|into|join|joining)\s+(?:the\s+)?(${NAME_EN})(?:\s+(?:team|department|dept|group))?`,
    'u',
  ),
  /(?:部门|department|dept)\s*(?:是|为|:|：|is)?\s*([^\s,，。;；]+)/iu,
  new RegExp(`(${UNIT})`, 'u'),
];
/** Where from: "从客服部调去…": not the request, cut. */
const FROM_DEPARTMENT = new RegExp(String.raw`从\s*(?:${NAME_EN}|${UNIT})\s*(?:团队|部门)?`, 'u');
const WORDS_EN = String.raw`[A-Za-z][\w-]*(?:\s+(?!(?:from|starting|effective|next|this|on|in|at|as|to|by|for|because|since|due|so|and|with|i|me|we|asap)\b)[A-Za-z][\w-]*){0,3}`;
/** The position: "做大客户经理", "当测试", "as a product marketer", "position backend developer". */
const POSITION = [
  new RegExp(String.raw`(?:担任|做|当|任|岗位是|职位是|岗位|职位)\s*(${WORDS_EN}|[^\s,，。;；]+)`, 'u'),
  new RegExp(
    String.raw`(?<![\p{L}])(?:as|position|role|become)(?:\s+(?:is|of))?(?:\s+(?:an?|the))?\s+(${WORDS_EN})`,
    'iu',
  ),
];

/** Asking for the move, not why: "调岗", "内部调动", "生效", "transfer", "effective". */
const NOISE = [
  /(?:发起|申请|办理)?(?:内部)?(?:调岗|调动|转岗|换部门|调部门)(?:申请)?|发起|申请|生效|开始|起/gu,
  // days the date module does not read yet: asked for, never kept as the reason
  /元旦|春节|国庆|节后|年后/gu,
  /\b(?:transfer(?:red|ring)?(?:\s+me)?|move|switch(?:ing)?\s+(?:departments?|teams?)|switch|change\s+(?:departments?|teams?)|file|effective|starting|start|from|as\s+of)\b/giu,
];

/**
 * "我想从客服部调去销售部做大客户经理，2027年1月1日生效" → 销售部, 大客户经理, 2027-01-01;
 * "I'd like to transfer to the Marketing team as a product marketer from Jan 4 2027".
 */
export function readTransfer(text: string, ctx: ParseContext): ParseResult<unknown> {
  const rt = transfer as unknown as RequestType;
  const date = takeDate(text, ctx);
  if (date && isDateProblem(date)) return finishRequest(rt, dateRefused(date, ctx.locale), ctx, layout);
  let rest = (date?.rest ?? text).replace(FROM_DEPARTMENT, ' ');
  const department = first(TO_DEPARTMENT, rest);
  if (department) rest = department.rest;
  let position = first(POSITION, rest);
  if (position) rest = position.rest;
  else if (department) {
    // "调岗：市场部 品牌经理": the word after the department, as the grammar writes them
    const next = /^\s+([^\s,，。;；]+)/u.exec(department.after)?.[1];
    const at = next ? rest.indexOf(next) : -1;
    if (next && at >= 0) {
      position = { value: next, rest: cut(rest, at, next.length), after: '' };
      rest = position.rest;
    }
  }
  return finishRequest(
    rt,
    {
      fields: {
        department: department?.value,
        position: position?.value,
        effectiveDate: date?.date,
        reason: contentOf(rest, NOISE),
      },
    },
    ctx,
    layout,
  );
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
