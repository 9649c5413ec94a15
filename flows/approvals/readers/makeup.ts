import { isDateProblem, takeDateTime } from '../../../src/bot/dates/index.js';
import type { ParseContext, ParseResult } from '../../../src/bot/flow.js';
import { takeWord } from '../../../src/bot/slots.js';
import { dateRefused } from '../requests/fields.js';
import { makeup } from '../requests/makeup.js';
import type { RequestType } from '../requests/request-type.js';
import { clauses, joinClauses, tidyClause } from './clean.js';
import { finishRequest, type Layout } from './request-reading.js';

/** Which punch: "上班卡", "到岗", "clock-out", "came in", "left". */
const DIRECTIONS: Record<string, 'in' | 'out'> = {
  上班卡: 'in',
  上班: 'in',
  签到: 'in',
  到岗: 'in',
  到公司: 'in',
  进公司: 'in',
  下班卡: 'out',
  下班: 'out',
  签退: 'out',
  离开: 'out',
  离岗: 'out',
  'punch in': 'in',
  'punch-in': 'in',
  'punched in': 'in',
  'clock in': 'in',
  'clock-in': 'in',
  'clocked in': 'in',
  'check in': 'in',
  'check-in': 'in',
  'checked in': 'in',
  'sign in': 'in',
  'badge in': 'in',
  'came in': 'in',
  'come in': 'in',
  'got in': 'in',
  arrived: 'in',
  到的: 'in',
  来的: 'in',
  走的: 'out',
  'punch out': 'out',
  'punch-out': 'out',
  'punched out': 'out',
  'clock out': 'out',
  'clock-out': 'out',
  'clocked out': 'out',
  'check out': 'out',
  'check-out': 'out',
  'checked out': 'out',
  'sign out': 'out',
  'badge out': 'out',
  left: 'out',
  'went home': 'out',
};

/** Asking for the make-up punch, and the when already read: "补卡", "帮我补一下", "was here at", "早上". */
const NOISE = [
  /(?:帮我|要|想)?补(?:个|一下|一个)?(?:(?:上班|下班)?卡|签)?|到的|来的|离开的|走的|早上|上午|中午|下午|晚上|傍晚|大概|大约|差不多|左右|其实|实际上/gu,
  /^\s*(?:就|已经)?(?:到|来)了\s*$/u,
  /^\s*(?:i\s+)?(?:got|came|was)\s+(?:in|here)(?:\s+at)?\s*$/iu,
  /\b(?:fix|correct)\s+(?:my\s+)?(?:punch|clock-?(?:in|out)|check-?(?:in|out))(?:\s+from)?\b/giu,
  /\b(?:(?:please\s+)?file\s+a\s+make-?up\s+punch|make-?up\s+punch|need\s+to\s+fix|fix|was\s+here\s+at|got\s+here\s+at|i\s+left\s+at|left\s+at|(?:(?:this|yesterday|in\s+the)\s+)?(?:morning|afternoon|evening|night)(?:\s+at)?)\b/giu,
];

/**
 * "周一早上忘打上班卡了，8点55到的" → last Monday 08:55 in; "need to fix my clock-out on Monday,
 * I left at 18:30 but the app froze" → out. Days are the last ones: a punch is made up afterwards.
 */
export function readMakeup(text: string, ctx: ParseContext): ParseResult<unknown> {
  const rt = makeup as unknown as RequestType;
  const back = { ...ctx, direction: 'backward' as const };
  const when = takeDateTime(text, back);
  if (when && isDateProblem(when)) return finishRequest(rt, dateRefused(when, ctx.locale), ctx, layout);
  let said = when?.rest ?? text;
  let time = when?.time;
  if (when && !time) {
    // the date module reads a time beside its day; "周一早上忘打卡了，8点55到的" says it later
    const later = takeDateTime(said, back);
    if (later && !isDateProblem(later) && later.time) {
      time = later.time;
      said = later.rest;
    }
  }
  const direction = takeWord(said, DIRECTIONS)?.value;
  const kept = clauses(said)
    .map((c) => tidyClause(c, NOISE))
    .filter(Boolean);
  // a clause that only names the punch ("clock-out") is not a reason beside one that is
  const reason = joinClauses(kept.length > 1 ? kept.filter((c) => !(c.toLowerCase() in DIRECTIONS)) : kept);
  return finishRequest(rt, { fields: { date: when?.date, time, direction, reason } }, ctx, layout);
}

const DIRECTION_WORDS = { in: { 'zh-CN': '上班', en: 'in' }, out: { 'zh-CN': '下班', en: 'out' } } as const;

/** `补卡 <date> <HH:mm> <in|out> <reason>`; a time asked for is appended right after its day, as the grammar reads it. */
const layout: Layout = {
  pieces(f, missing, ctx) {
    const direction =
      f.direction === 'in' || f.direction === 'out' ? DIRECTION_WORDS[f.direction][ctx.locale] : '';
    const when = { field: 'date', text: `${f.date ?? ''}${f.time ? ` ${f.time}` : ''}` };
    const others = [
      { field: 'direction', text: direction },
      { field: 'reason', text: String(f.reason ?? ''), free: true },
    ];
    return missing === 'time' || missing === 'date' ? [...others, when] : [when, ...others];
  },
  answers: (ctx) => ({
    date: ctx.now.toISODate() ?? '',
    time: '09:05',
    direction: DIRECTION_WORDS.in[ctx.locale],
    reason: ctx.locale === 'en' ? 'forgot to punch' : '忘记打卡',
  }),
};
