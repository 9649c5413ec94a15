import { isDateProblem, takeDateRange } from '../../../src/bot/dates/index.js';
import type { ParseContext, ParseResult } from '../../../src/bot/flow.js';
import { tr } from '../../../src/bot/i18n.js';
import { takeWord } from '../../../src/bot/slots.js';
import { dateRefused } from '../requests/fields.js';
import { LEAVE_KINDS, type LeaveKind, leave } from '../requests/leave.js';
import type { RequestType } from '../requests/request-type.js';
import { contentOf } from './clean.js';
import { finishRequest, type Layout } from './request-reading.js';
import { anotherDayIn, rangeText, stretched } from './spans.js';

/** Words that name the kind of leave: cut from the sentence, as they are not the reason. */
const KIND_WORDS: Record<string, LeaveKind> = {
  年假: 'annual',
  年休假: 'annual',
  休年假: 'annual',
  病假: 'sick',
  事假: 'personal',
  婚假: 'marriage',
  产假: 'maternity',
  陪产假: 'paternity',
  丧假: 'bereavement',
  调休: 'compensatory',
  倒休: 'compensatory',
  补休: 'compensatory',
  annual: 'annual',
  'annual leave': 'annual',
  vacation: 'annual',
  'vacation days': 'annual',
  'vacation day': 'annual',
  pto: 'annual',
  'sick leave': 'sick',
  'sick day': 'sick',
  'personal leave': 'personal',
  'personal day': 'personal',
  'marriage leave': 'marriage',
  'maternity leave': 'maternity',
  'paternity leave': 'paternity',
  'bereavement leave': 'bereavement',
  'compassionate leave': 'bereavement',
  'comp time': 'compensatory',
  'comp day': 'compensatory',
  'time in lieu': 'compensatory',
};

/**
 * Reasons that clearly say which kind it is. They stay in the reason; the kind is taken from them
 * only when no kind word was written and they all point the same way (the card shows it).
 */
const TELLING_REASONS: Record<string, LeaveKind> = {
  家里有事: 'personal',
  家里有点事: 'personal',
  家中有事: 'personal',
  有事: 'personal',
  私事: 'personal',
  办事: 'personal',
  办点事: 'personal',
  个人原因: 'personal',
  搬家: 'personal',
  家长会: 'personal',
  family: 'personal',
  personal: 'personal',
  errand: 'personal',
  errands: 'personal',
  moving: 'personal',
  发烧: 'sick',
  生病: 'sick',
  病了: 'sick',
  看病: 'sick',
  看医生: 'sick',
  医院: 'sick',
  不舒服: 'sick',
  感冒: 'sick',
  牙疼: 'sick',
  牙痛: 'sick',
  看牙: 'sick',
  复查: 'sick',
  sick: 'sick',
  ill: 'sick',
  sickness: 'sick',
  fever: 'sick',
  flu: 'sick',
  doctor: 'sick',
  dentist: 'sick',
  hospital: 'sick',
  unwell: 'sick',
  'not feeling well': 'sick',
  旅游: 'annual',
  旅行: 'annual',
  度假: 'annual',
  回老家: 'annual',
  出去玩: 'annual',
  holiday: 'annual',
  trip: 'annual',
  travel: 'annual',
  结婚: 'marriage',
  婚礼: 'marriage',
  wedding: 'marriage',
  'getting married': 'marriage',
  葬礼: 'bereavement',
  去世: 'bereavement',
  funeral: 'bereavement',
  'passed away': 'bereavement',
};

/** Asking for leave, not the reason for it: "请一天假", "休假", "take Friday off", "time off". */
const NOISE = [
  /(?:假期|假条|休息)/gu,
  /(?:想|要|得|需要)?(?:申请|请)\s*(?:了|个|一个|一下)?\s*(?:(?:\d+|[一二两三四五六七八九十几半]+)\s*(?:天|日))?\s*(?:的)?\s*假?/gu,
  /休\s*(?:了|个|一个)?\s*(?:(?:\d+|[一二两三四五六七八九十几半]+)\s*(?:天|日))?\s*假/gu,
  /(?:\d+|[一二两三四五六七八九十几半]+)\s*(?:天|日)/gu,
  /\b(?:take|taking|book|booking|use|request|file|put (?:me )?(?:down )?(?:for|in)|put in)\b/giu,
  /\bhalf(?:[-\s]a)?[-\s]day\b/giu,
  /\b(?:(?:a|the|some|one|two|three|few|couple of|\d+)\s+)?(?:full\s+)?(?:days?|time|half[-\s]days?)\s+off\b/giu,
  /\b(?:off|leave|a day|the day|some time)\b/giu,
];

const HALF_WORDS = /半天|half[-\s]a[-\s]day|half[-\s]day/iu;

/**
 * "我明天想请一天假" → asks the kind; "能不能 take 周五 off，家里有事" → personal, reason 家里有事;
 * "下周四调休一天，之前周末加班攒的" → compensatory, with the reason.
 */
export function readLeave(text: string, ctx: ParseContext): ParseResult<unknown> {
  const rt = leave as unknown as RequestType;
  const dates = takeDateRange(text, ctx);
  if (dates && isDateProblem(dates)) {
    if (dates.problem !== 'whichHalf') return finishRequest(rt, dateRefused(dates, ctx.locale), ctx, layout);
    // the day is known, its half is asked: read the rest as if the half-day words were not there
    const whole = readLeaveParts(text.replace(HALF_WORDS, ' '), ctx);
    return finishRequest(rt, { ...dateRefused(dates, ctx.locale), fields: whole.fields }, ctx, layout);
  }
  const parts = readLeaveParts(text, ctx, dates);
  const stray = parts.fields.from ? anotherDayIn(parts.fields.reason, ctx) : null;
  return finishRequest(rt, stray ? { fields: {}, problem: stray } : parts, ctx, layout);
}

function readLeaveParts(text: string, ctx: ParseContext, dates = takeDateRange(text, ctx)) {
  const range = dates && !isDateProblem(dates) ? stretched(dates, ctx) : null;
  const said = range?.rest ?? text;
  const kind = takeWord(said, KIND_WORDS);
  const reason = contentOf(kind?.rest ?? said, NOISE);
  return { fields: { ...range?.range, kind: kind?.value ?? kindTold(reason), reason } };
}

function kindTold(reason: string): LeaveKind | undefined {
  const told = new Set<LeaveKind>();
  let found = takeWord(reason, TELLING_REASONS);
  while (found) {
    told.add(found.value);
    found = takeWord(found.rest, TELLING_REASONS);
  }
  return told.size === 1 ? [...told][0] : undefined;
}

const HALF = { am: { 'zh-CN': '上午', en: 'morning' }, pm: { 'zh-CN': '下午', en: 'afternoon' } } as const;
const HALF_DAY = { 'zh-CN': '半天', en: 'half day' };

/** `请假 <dates> <kind> <reason>`; the dates written as ISO days, so the answer can come any time later. */
const layout: Layout = {
  pieces(f, missing, ctx) {
    const side = (day: unknown, half: unknown) =>
      `${day}${half === 'am' || half === 'pm' ? ` ${tr(ctx.locale, HALF[half])}` : ''}`;
    const oneDay = f.from === f.to && f.fromHalf === f.toHalf;
    const dates =
      f.from === undefined
        ? ''
        : rangeText(side(f.from, f.fromHalf), oneDay ? '' : side(f.to, f.toHalf), ctx);
    const kind = f.kind as LeaveKind | undefined;
    return [
      { field: 'from', text: `${dates}${missing === 'half' ? ` ${tr(ctx.locale, HALF_DAY)}` : ''}` },
      { field: 'kind', text: kind ? tr(ctx.locale, LEAVE_KINDS[kind]) : '' },
      { field: 'reason', text: String(f.reason ?? ''), free: true },
    ];
  },
  answers: (ctx) => ({
    from: ctx.now.toISODate() ?? '',
    half: tr(ctx.locale, HALF.pm),
    kind: tr(ctx.locale, LEAVE_KINDS.personal),
    reason: tr(ctx.locale, { 'zh-CN': '家里有事', en: 'family matter' }),
  }),
};
