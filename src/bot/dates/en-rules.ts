import { clock, date, dayOf, month, N, n, type Rule, range, word } from './rule-parts.js';
import type { Token } from './tokens.js';

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

function weekday(name: string): number {
  const lower = name.toLowerCase();
  const full = EN_WEEKDAYS.indexOf(lower);
  return full >= 0 ? full + 1 : (EN_SHORT[lower] ?? 0);
}

/** English dates, times and spans; order matters where two rules match the same words. */
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
