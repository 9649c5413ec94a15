import type { DateTime } from 'luxon';
import { NUMBER } from './numerals.js';
import { clock, date, dayOf, han, month, monthFrom, N, n, type Rule, range } from './rule-parts.js';

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

/** Chinese dates, times and spans; order matters where two rules match the same words. */
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
