import type { DateTime } from 'luxon';
import { NUMBER, readNumber } from './numerals.js';
import type { Token } from './tokens.js';

/** A pattern and what its match means; `now` is the person's, in their zone. */
export type Rule = { re: RegExp; read(m: RegExpExecArray, now: DateTime): Token | null };

const N = `(${NUMBER})`;
const n = (s: string | undefined) => (s === undefined ? null : readNumber(s));

const ZH_WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const ZH_WEEK: Record<string, number> = {
  下下: 2,
  下: 1,
  下个: 1,
  本: 0,
  这: 0,
  这个: 0,
  上: -1,
  上个: -1,
  上上: -2,
};
const ZH_MONTH: Record<string, number> = { 本: 0, 这个: 0, 这: 0, 下个: 1, 下: 1, 上个: -1, 上: -1 };
const ZH_OFFSET: Record<string, number> = {
  今天: 0,
  今日: 0,
  明天: 1,
  明日: 1,
  后天: 2,
  大后天: 3,
  昨天: -1,
  昨日: -1,
  前天: -2,
  大前天: -3,
};
const ZH_DAY_PREFIX: Record<string, number> = { 今: 0, 昨: -1, 明: 1, 前: -2, 后: 2 };
/** Days whose date never moves (the lunar ones — 春节, 中秋 — do; they are not read). */
const ZH_FIXED_HOLIDAYS: Record<string, [number, number]> = {
  元旦: [1, 1],
  圣诞: [12, 25],
  平安夜: [12, 24],
  国庆: [10, 1],
  劳动: [5, 1],
  五一: [5, 1],
  情人: [2, 14],
};
const yearOf = (word: string | undefined, now: DateTime): number | undefined => {
  if (!word) return undefined;
  const offset: Record<string, number> = { 今年: 0, 明年: 1, 后年: 2, 去年: -1 };
  return word in offset ? now.year + (offset[word] ?? 0) : (n(word.replace('年', '')) ?? undefined);
};

const word = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'giu');
const han = (source: string) => new RegExp(source, 'gu');

const day = (d: Token & { kind: 'day' }) => d;
const dayOf = (spec: Extract<Token, { kind: 'day' }>['day']): Token => day({ kind: 'day', day: spec });

/** Month, day and optional year, each checked for range; null when not a calendar value. */
function date(dayText?: string, monthText?: string, yearText?: string): Token | null {
  const d = n(dayText);
  const m = monthText === undefined ? undefined : n(monthText);
  const y = yearText === undefined ? undefined : n(yearText);
  if (d === null || m === null || y === null || (y !== undefined && y < 1000)) return null;
  if (d < 1 || d > 31 || (m !== undefined && (m < 1 || m > 12))) return dayOf({ kind: 'none' });
  return dayOf({ kind: 'date', day: d, month: m, year: y });
}

/** A month-offset word (下个月) pinned to a month and year. */
function monthFrom(now: DateTime, months: number) {
  const m = now.startOf('month').plus({ months });
  return { month: m.month, year: m.year };
}

function clock(hourText: string | undefined, minute: number, shift?: string): Token | null {
  let hour = n(hourText);
  if (hour === null || hour > 24 || minute > 59) return null;
  if (shift && /下午|晚上|傍晚|pm|p\.m\./i.test(shift) && hour < 12) hour += 12;
  if (shift && /^(am|a\.m\.)$/i.test(shift) && hour === 12) hour = 0;
  if (shift === '中午' && hour < 6) hour += 12;
  if (hour === 24) hour = 0;
  return { kind: 'time', time: { hour, minute } };
}

export const ZH_RULES: Rule[] = [
  {
    re: han('(今|昨|明|前|后)(?:天)?(早上|早|晚上|晚|夜里|夜)'),
    read: (m) => ({
      kind: 'day',
      day: { kind: 'offset', days: ZH_DAY_PREFIX[m[1] ?? ''] ?? 0 },
      evening: (m[2] ?? '').startsWith('晚') || (m[2] ?? '').startsWith('夜'),
    }),
  },
  {
    re: han(`(?:(明年|今年|去年|后年|\\d{4}年))?${N}月(初|底|末|中)`),
    read: (m, now) => {
      const month = n(m[2]);
      if (month === null || month < 1 || month > 12) return dayOf({ kind: 'none' });
      const year = yearOf(m[1], now);
      const first = now.set({ year: year ?? now.year, month, day: 1 });
      const at = m[3] === '初' ? 1 : m[3] === '中' ? 15 : (first.daysInMonth ?? 28);
      return date(String(at), String(month), year === undefined ? undefined : String(year));
    },
  },
  {
    re: han(`(明年|今年|去年|后年)${N}月${N}(?:日|号)?`),
    read: (m, now) => date(m[3], m[2], String(yearOf(m[1], now))),
  },
  {
    re: han('元旦|圣诞节?|国庆节?|劳动节|五一|情人节|平安夜'),
    read: (m) => {
      const [month, day] = ZH_FIXED_HOLIDAYS[m[0].replace(/节$/u, '')] ?? [1, 1];
      return date(String(day), String(month));
    },
  },
  {
    re: han(Object.keys(ZH_OFFSET).join('|')),
    read: (m) => dayOf({ kind: 'offset', days: ZH_OFFSET[m[0]] ?? 0 }),
  },
  {
    re: han(`${N}(个)?(天|日|星期|礼拜|周)(之|以)?(后|前)`),
    read: (m) => {
      const count = n(m[1]);
      if (count === null || count > 400) return null;
      const days = count * (m[3] === '天' || m[3] === '日' ? 1 : 7);
      return dayOf({ kind: 'offset', days: m[5] === '前' ? -days : days });
    },
  },
  {
    re: han('(下下|下个|下|上上|上个|上|本|这个|这)?(?:周|星期|礼拜)([一二三四五六日天1-7])'),
    read: (m) => {
      const weekday = ZH_WEEKDAY[m[2] ?? ''] ?? Number(m[2]);
      return dayOf({ kind: 'weekday', weekday, week: m[1] ? ZH_WEEK[m[1]] : undefined });
    },
  },
  {
    re: han('(下下|下个|下|本|这个|这)?(?:周末)'),
    read: (m) => dayOf({ kind: 'weekday', weekday: 6, week: m[1] ? ZH_WEEK[m[1]] : undefined }),
  },
  // "下周" alone: its Monday ("下周再联系")
  {
    re: han('(下下|下个|下)(?:周|星期|礼拜)'),
    read: (m) => dayOf({ kind: 'weekday', weekday: 1, week: ZH_WEEK[m[1] ?? ''] }),
  },
  {
    re: han(`(?:(\\d{4})年)?${N}月${N}(?:日|号)?`),
    read: (m) => date(m[3], m[2], m[1]),
  },
  { re: han(`(?<![\\d月])${N}(?:日|号)`), read: (m) => date(m[1]) },
  {
    re: han(`(本|这个|这|下个|下|上个|上)月${N}(?:日|号)`),
    read: (m, now) => {
      const { month, year } = monthFrom(now, ZH_MONTH[m[1] ?? ''] ?? 0);
      return date(m[2], String(month), String(year));
    },
  },
  {
    re: han(`(?:(\\d{4})年)?${N}月${N}\\s*[-~～到至]\\s*${N}(?:日|号)`),
    read: (m) => range(date(m[3], m[2], m[1]), date(m[4], m[2], m[1])),
  },
  {
    re: han('(本|这个|这|下个|下|上个|上)?月(初|底|末|中)'),
    read: (m, now) => {
      const months = m[1] ? (ZH_MONTH[m[1]] ?? 0) : 0;
      if (m[2] === '中') {
        const { month, year } = monthFrom(now, months);
        return date('15', String(month), String(year));
      }
      return dayOf({ kind: 'monthEdge', edge: m[2] === '初' ? 'start' : 'end', months });
    },
  },
  { re: han('年(底|末)'), read: (_m, now) => date('31', '12', String(now.year)) },
  { re: han(`(?:(\\d{4})年)?${N}月份?`), read: (m) => month(m[2], m[1]) },
  {
    re: han('(本|这个|这|下个|下|上个|上)月'),
    read: (m) => ({ kind: 'month', month: { months: ZH_MONTH[m[1] ?? ''] ?? 0 } }),
  },
  {
    re: han(`(上午|早上|早晨|下午|晚上|傍晚|中午|凌晨)?\\s*${N}\\s*[点時时](?:\\s*(半|${NUMBER})\\s*分?)?`),
    read: (m) => clock(m[2], m[3] === '半' ? 30 : (n(m[3]) ?? 0), m[1]),
  },
  { re: han('上午|早上|早晨'), read: () => ({ kind: 'half', half: 'am' }) },
  { re: han('下午'), read: () => ({ kind: 'half', half: 'pm' }) },
  {
    re: han(`(半|${N}(?:个)?(?:半)?)(?:个)?(工作)?(天|日|星期|礼拜|周)`),
    read: (m) => {
      if (m[1] === '半') return m[4] === '天' || m[4] === '日' ? { kind: 'span', days: 0.5 } : null;
      const count = n(m[2]);
      if (count === null || count < 1 || count > 400) return null;
      const days = count * (m[4] === '天' || m[4] === '日' ? 1 : 7);
      return m[3] ? { kind: 'span', days, workdays: true } : { kind: 'span', days };
    },
  },
  { re: han('到|至|直到|~|～'), read: () => ({ kind: 'to' }) },
  { re: han('从|自'), read: () => ({ kind: 'from' }) },
  { re: han('起|开始|起请|连续|共'), read: () => ({ kind: 'join' }) },
  {
    re: han(
      '明年|后年|去年|前年|今年|下半年|上半年|(?:下个|上个|这个|本)?季度|过几天|过两天|改天|近期|最近|周内',
    ),
    read: () => ({ kind: 'vague' }),
  },
];

const EN_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const EN_SHORT: Record<string, number> = {
  mon: 1,
  tue: 2,
  tues: 2,
  wed: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  fri: 5,
  sat: 6,
  sun: 7,
};
const EN_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_NAME = `(${EN_MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?`;
const ORD = '(\\d{1,2})(?:st|nd|rd|th)?';
const EN_WEEK: Record<string, number | undefined> = { next: 1, this: 0, last: -1, previous: -1 };

const monthNumber = (name: string | undefined) =>
  name ? EN_MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1 : 0;

function month(monthText: string | undefined, yearText?: string): Token | null {
  const m = n(monthText);
  const y = yearText === undefined ? undefined : n(yearText);
  if (m === null || m < 1 || m > 12 || y === null) return null;
  return { kind: 'month', month: { month: m, year: y } };
}

function range(from: Token | null, to: Token | null): Token | null {
  if (from?.kind !== 'day' || to?.kind !== 'day') return null;
  return { kind: 'range', from: from.day, to: to.day };
}

function weekday(name: string): number {
  const lower = name.toLowerCase();
  const full = EN_WEEKDAYS.indexOf(lower);
  return full >= 0 ? full + 1 : (EN_SHORT[lower] ?? 0);
}

export const EN_RULES: Rule[] = [
  {
    re: word('today|tomorrow|tmrw|tmr|yesterday|(?:the )?day after tomorrow|(?:the )?day before yesterday'),
    read: (m) => {
      const t = m[0].toLowerCase();
      const days = t.includes('after')
        ? 2
        : t.includes('before')
          ? -2
          : t.startsWith('yes')
            ? -1
            : t.startsWith('t') && t !== 'today' && t !== 'tonight'
              ? 1
              : 0;
      return dayOf({ kind: 'offset', days });
    },
  },
  {
    re: word(`in ${N} (days?|weeks?)|${N} (days?|weeks?) (from now|later|ago)`),
    read: (m) => {
      const count = n(m[1] ?? m[3]);
      if (count === null || count > 400) return null;
      const days = count * ((m[2] ?? m[4] ?? '').startsWith('week') ? 7 : 1);
      return dayOf({ kind: 'offset', days: m[5]?.toLowerCase() === 'ago' ? -days : days });
    },
  },
  {
    re: word(
      `(?:(next|this|last|previous|coming|on) )?(${EN_WEEKDAYS.join('|')})( next week| this week| last week)?`,
    ),
    read: (m) => weekdayToken(m[1], m[2] ?? '', m[3]),
  },
  {
    // abbreviations only with a qualifier: "sat" and "sun" are ordinary words too
    re: word(`(next|this|last|previous|coming|on) (${Object.keys(EN_SHORT).join('|')})\\.?`),
    read: (m) => weekdayToken(m[1], m[2] ?? ''),
  },
  {
    // "next week Monday", "next week on Friday": that weekday of that week
    re: word(`(next|this|last) week,?(?: on)? (${EN_WEEKDAYS.join('|')})`),
    read: (m) =>
      dayOf({ kind: 'weekday', weekday: weekday(m[2] ?? ''), week: EN_WEEK[(m[1] ?? '').toLowerCase()] }),
  },
  {
    re: word('tonight|this evening'),
    read: () => ({ kind: 'day', day: { kind: 'offset', days: 0 }, evening: true }),
  },
  {
    re: word('last night|yesterday evening'),
    read: () => ({ kind: 'day', day: { kind: 'offset', days: -1 }, evening: true }),
  },
  {
    re: word("new year'?s day|christmas eve|christmas( day)?"),
    read: (m) => {
      const t = m[0].toLowerCase();
      return t.startsWith('new') ? date('1', '1') : t.endsWith('eve') ? date('24', '12') : date('25', '12');
    },
  },
  {
    re: word('(next|this|last|the) weekend|weekend'),
    read: (m) => dayOf({ kind: 'weekday', weekday: 6, week: m[1] ? EN_WEEK[m[1].toLowerCase()] : undefined }),
  },
  {
    re: word('next week|the week after next'),
    read: (m) => dayOf({ kind: 'weekday', weekday: 1, week: m[0].includes('after') ? 2 : 1 }),
  },
  {
    re: word(`${MONTH_NAME} ${ORD}(?:,? (\\d{4}))?`),
    read: (m) => date(m[2], String(monthNumber(m[1])), m[3]),
  },
  {
    re: word(`(?:the )?${ORD} (?:of )?${MONTH_NAME}(?:,? (\\d{4}))?`),
    read: (m) => date(m[1], String(monthNumber(m[2])), m[3]),
  },
  { re: word('the (\\d{1,2})(?:st|nd|rd|th)'), read: (m) => date(m[1]) },
  {
    re: word(`${MONTH_NAME} (\\d{1,2}) ?[-–] ?(\\d{1,2})(?:,? (\\d{4}))?`),
    read: (m) =>
      range(date(m[2], String(monthNumber(m[1])), m[4]), date(m[3], String(monthNumber(m[1])), m[4])),
  },
  {
    re: word(`(\\d{1,2}) ?[-–] ?(\\d{1,2}) ${MONTH_NAME}(?:,? (\\d{4}))?`),
    read: (m) =>
      range(date(m[1], String(monthNumber(m[3])), m[4]), date(m[2], String(monthNumber(m[3])), m[4])),
  },
  {
    re: word('(?:the )?(end|start|beginning) of (?:the )?(this |next |last )?month|month[- ]end'),
    read: (m) => {
      const which = (m[2] ?? '').trim().toLowerCase();
      const months = which === 'next' ? 1 : which === 'last' ? -1 : 0;
      return dayOf({
        kind: 'monthEdge',
        edge: m[1] && m[1].toLowerCase() !== 'end' ? 'start' : 'end',
        months,
      });
    },
  },
  {
    re: word('(?:the )?end of (?:the )?year|year[- ]end'),
    read: (_m, now) => date('31', '12', String(now.year)),
  },
  { re: word(`${MONTH_NAME}(?: (\\d{4}))?`), read: (m) => month(String(monthNumber(m[1])), m[2]) },
  {
    re: word('(this|next|last|previous) month'),
    read: (m) => {
      const w = (m[1] ?? '').toLowerCase();
      return { kind: 'month', month: { months: w === 'next' ? 1 : w === 'this' ? 0 : -1 } };
    },
  },
  {
    re: word('(\\d{1,2})(?::(\\d{2}))? ?(am|pm|a\\.m\\.|p\\.m\\.)|noon|midday|midnight'),
    read: (m) => {
      const t = m[0].toLowerCase();
      if (t === 'noon' || t === 'midday') return { kind: 'time', time: { hour: 12, minute: 0 } };
      if (t === 'midnight') return { kind: 'time', time: { hour: 0, minute: 0 } };
      const hour = n(m[1]);
      if (hour === null || hour < 1 || hour > 12) return null;
      return clock(m[1], n(m[2]) ?? 0, m[3]);
    },
  },
  // not "am"/"pm" alone: "I am sick" is no morning
  { re: word('(?:in the )?morning'), read: () => ({ kind: 'half', half: 'am' }) },
  { re: word('(?:in the )?afternoon'), read: () => ({ kind: 'half', half: 'pm' }) },
  {
    re: word(
      `(half|${N}(?: and a half)?) (?:a )?(?:full |whole |(working |work |business ))?(days?|weeks?)|half[- ]day`,
    ),
    read: (m) => {
      if (m[0].toLowerCase().startsWith('half')) return { kind: 'span', days: 0.5 };
      const count = n(m[2]);
      if (count === null || count < 1 || count > 400) return null;
      const days = count * ((m[4] ?? '').toLowerCase().startsWith('week') ? 7 : 1);
      return m[3] ? { kind: 'span', days, workdays: true } : { kind: 'span', days };
    },
  },
  { re: word('to|until|till|til|through|thru'), read: () => ({ kind: 'to' }) },
  { re: word('from|between'), read: () => ({ kind: 'from' }) },
  { re: word('starting|starting on|starting from|beginning|for'), read: () => ({ kind: 'join' }) },
  {
    re: word(
      'next year|last year|this year|someday|sometime|soon|later|next quarter|this quarter|in a few days|in a couple of days',
    ),
    read: () => ({ kind: 'vague' }),
  },
];

function weekdayToken(qualifier: string | undefined, name: string, suffix?: string): Token {
  const q = qualifier?.toLowerCase();
  const s = suffix?.trim().split(' ')[0]?.toLowerCase();
  const week = s ? EN_WEEK[s] : q ? EN_WEEK[q] : undefined;
  return dayOf({ kind: 'weekday', weekday: weekday(name), week });
}

/** Written the same in both languages: 2026-12-03, 2026/12/3, 12/3, 09:05, 2026-11. */
export const SHARED_RULES: Rule[] = [
  { re: /(?<![\d/.-])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d/.])/g, read: (m) => date(m[3], m[2], m[1]) },
  { re: /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?![\d/])/g, read: (m) => date(m[2], m[1]) },
  { re: /(?<![\d/.-])(\d{4})[-/.](\d{1,2})(?![\d/.-])/g, read: (m) => month(m[2], m[1]) },
  { re: /(?<![\d:])([01]?\d|2[0-3])[:：]([0-5]\d)(?![\d:])/g, read: (m) => clock(m[1], Number(m[2])) },
  { re: /(?<=\S\s?)[-–—](?=\s?\S)/g, read: () => ({ kind: 'to' }) },
];
