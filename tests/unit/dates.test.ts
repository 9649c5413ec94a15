import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  type DateContext,
  takeDate,
  takeDateRange,
  takeDateTime,
  takeMonth,
} from '../../src/bot/dates/index.js';

const ZONES = ['Asia/Shanghai', 'America/Los_Angeles', 'Europe/London'];
/** Ordinary days, both DST changes in Los Angeles and London, a year end and a leap day. */
const DAYS = [
  '2026-12-02',
  '2027-03-14',
  '2027-11-07',
  '2027-03-28',
  '2027-10-31',
  '2027-12-31',
  '2028-02-29',
];

/**
 * The expected calendar, worked out without luxon: the local date as written, shifted on a UTC
 * calendar (which has no DST), so a zone bug in the module cannot hide in the expectation too.
 */
function shift(localDate: string, days: number): string {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
function weekday(localDate: string): number {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}
const nextMonday = (localDate: string) => shift(localDate, 8 - weekday(localDate));

const dayOf = (text: string, ctx: DateContext) => {
  const r = takeDate(text, ctx);
  return r && 'date' in r ? r.date : r;
};

describe('relative days, every hour of the day, in each zone and across DST', () => {
  const cases: [string, string, (d: string) => string][] = [
    ['今天', 'today', (d) => d],
    ['明天', 'tomorrow', (d) => shift(d, 1)],
    ['昨天', 'yesterday', (d) => shift(d, -1)],
    ['后天', 'the day after tomorrow', (d) => shift(d, 2)],
    ['下周一', 'next Monday', nextMonday],
  ];
  for (const zone of ZONES)
    for (const date of DAYS)
      it(`${zone} on ${date}`, () => {
        for (let hour = 0; hour < 24; hour++) {
          const now = DateTime.fromISO(`${date}T${String(hour).padStart(2, '0')}:30`, { zone });
          const local = now.toISODate() as string;
          for (const [zh, en, expected] of cases) {
            expect(dayOf(zh, { now }), `${zh} at ${now.toISO()}`).toBe(expected(local));
            expect(dayOf(en, { now }), `${en} at ${now.toISO()}`).toBe(expected(local));
          }
        }
      });

  it('any instant, any of the zones: today is the local date there, whatever the machine zone', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2090-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...ZONES, 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata'),
        (instant, zone) => {
          const now = DateTime.fromJSDate(instant, { zone });
          const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(instant);
          expect(dayOf('今天', { now })).toBe(local);
          expect(dayOf('明天', { now })).toBe(shift(local, 1));
          expect(dayOf('yesterday', { now })).toBe(shift(local, -1));
          expect(dayOf('下下周三', { now })).toBe(shift(nextMonday(local), 9));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('what people write', () => {
  // a Wednesday, 07:59 in Shanghai: before 08:00, where chrono's zh parser went a day early
  const now = DateTime.fromISO('2026-12-02T07:59', { zone: 'Asia/Shanghai' });
  const ctx = { now };
  const range = (text: string, c: DateContext = ctx) => takeDateRange(text, c);

  it.each([
    ['请 下周二到周四 年假', '2026-12-08', '2026-12-10'],
    ['12月14日至18日', '2026-12-14', '2026-12-18'],
    ['12月14-18日 出差', '2026-12-14', '2026-12-18'],
    ['从周五到下周二', '2026-12-04', '2026-12-08'],
    ['下周三起请两天', '2026-12-09', '2026-12-10'],
    ['Jan 4 to Jan 8', '2027-01-04', '2027-01-08'],
    ['Dec 21-23 family', '2026-12-21', '2026-12-23'],
    ['21-23 Dec', '2026-12-21', '2026-12-23'],
    ['from next Tuesday for two days', '2026-12-08', '2026-12-09'],
    ['this Friday', '2026-12-04', '2026-12-04'],
    ['2026/12/28 - 2027/01/02', '2026-12-28', '2027-01-02'],
    ['12月29日到1月3日', '2026-12-29', '2027-01-03'],
    ['下个月初', '2027-01-01', '2027-01-01'],
    ['end of next month', '2027-01-31', '2027-01-31'],
    // on 2 December the nearest 28th is four days ago, and the 3rd after it is tomorrow
    ['28号到3号', '2026-11-28', '2026-12-03'],
    ['四天后', '2026-12-06', '2026-12-06'],
    ['in two weeks', '2026-12-16', '2026-12-16'],
  ])('%s → %s … %s', (text, from, to) => {
    expect(range(text)).toMatchObject({ range: { from, to } });
  });

  it('half days belong to the side they are written on, or to a one-day range', () => {
    expect(range('周四下午到周五上午 年假')).toMatchObject({
      range: { from: '2026-12-03', to: '2026-12-04', fromHalf: 'pm', toHalf: 'am' },
      rest: '年假',
    });
    expect(range('tomorrow afternoon, dentist')).toMatchObject({
      range: { from: '2026-12-03', fromHalf: 'pm', toHalf: 'pm' },
    });
    expect(range('后天 病假 上午去医院')).toMatchObject({ range: { fromHalf: 'am', toHalf: 'am' } });
    expect(range('周五 半天')).toEqual({ problem: 'whichHalf', text: '半天' });
    expect(range('I am off on Friday')).toMatchObject({ range: { from: '2026-12-04' } });
    expect(range('I am off on Friday')).not.toMatchObject({ range: { fromHalf: 'am' } });
  });

  it('refuses what it cannot read rather than leaving it in the note', () => {
    expect(range('周一到后年 年假')).toEqual({ problem: 'unreadable', text: '到后年' });
    expect(range('Monday until next year')).toEqual({ problem: 'unreadable', text: 'until next year' });
    expect(range('12月20日 年假 一直到下下下周')).toMatchObject({ problem: 'unreadable' });
    expect(range('12月9日到12月7日')).toMatchObject({ problem: 'reversed' });
    expect(range('Jan 9 - Jan 6')).toMatchObject({ problem: 'reversed' });
    expect(range('2月31日')).toEqual({ problem: 'noSuchDay', text: '2月31日' });
    expect(range('June 31')).toEqual({ problem: 'noSuchDay', text: 'June 31' });
    expect(range('过几天 事假')).toEqual({ problem: 'vague', text: '过几天' });
    expect(range('2099-01-01')).toMatchObject({ problem: 'outOfRange' });
    // ordinary words after a date are the note, not an unreadable range
    expect(range('tomorrow to see my mother')).toMatchObject({ rest: 'to see my mother' });
    expect(range('明天 送孩子到医院')).toMatchObject({ rest: '送孩子到医院' });
    expect(range('家里有事')).toBeNull();
  });

  it('reads a day with its time, looking back for make-up punches', () => {
    const back = { now, direction: 'backward' as const };
    expect(takeDateTime('前天 18:40 下班', back)).toEqual({
      date: '2026-11-30',
      time: '18:40',
      rest: '下班',
    });
    expect(takeDateTime('周一 上午9点半 上班', back)).toMatchObject({ date: '2026-11-30', time: '09:30' });
    expect(takeDateTime('last Friday 6:15pm out', back)).toMatchObject({ date: '2026-11-27', time: '18:15' });
    expect(takeDateTime('Friday 8am in', back)).toMatchObject({ date: '2026-11-27', time: '08:00' });
    expect(takeDateTime('晚上10点 下班', back)).toMatchObject({ date: '2026-12-02', time: '22:00' });
    expect(takeDateTime('忘记打卡', back)).toBeNull();
  });

  it('reads months, looking back by default', () => {
    expect(takeMonth('10月', ctx)).toMatchObject({ month: '2026-10' });
    expect(takeMonth('2025年3月', ctx)).toMatchObject({ month: '2025-03' });
    expect(takeMonth('上个月', ctx)).toMatchObject({ month: '2026-11' });
    expect(takeMonth('October', ctx)).toMatchObject({ month: '2026-10' });
    expect(takeMonth('last month', ctx)).toMatchObject({ month: '2026-11' });
    expect(takeMonth('2026-07', ctx)).toMatchObject({ month: '2026-07' });
    expect(takeMonth('9999-12', ctx)).toMatchObject({ problem: 'outOfRange' });
    // in January, "December" is the one just gone
    const january = DateTime.fromISO('2027-01-05T10:00', { zone: 'Asia/Shanghai' });
    expect(takeMonth('12月', { now: january })).toMatchObject({ month: '2026-12' });
  });

  it('a month-day near the year end picks the nearer year', () => {
    const jan2 = DateTime.fromISO('2027-01-02T09:00', { zone: 'Europe/London' });
    expect(dayOf('12月30日', { now: jan2 })).toBe('2026-12-30');
    const dec20 = DateTime.fromISO('2026-12-20T09:00', { zone: 'Europe/London' });
    expect(dayOf('Jan 5', { now: dec20 })).toBe('2027-01-05');
    expect(dayOf('周六', { now: dec20, direction: 'backward' })).toBe('2026-12-19');
  });
});

describe('more of what people write', () => {
  const now = DateTime.fromISO('2026-12-02T10:00', { zone: 'Asia/Shanghai' });
  const range = (text: string) => takeDateRange(text, { now });

  it.each([
    ['12月29日到12月底 回老家', '2026-12-29', '2026-12-31'],
    ['1月初', '2027-01-01', '2027-01-01'],
    ['12/16-12/18 出差', '2026-12-16', '2026-12-18'],
    ['next week Monday to Friday', '2026-12-07', '2026-12-11'],
    ['下周四周五 年假', '2026-12-10', '2026-12-11'],
    ['Thursday and Friday', '2026-12-03', '2026-12-04'],
    ['周五和下周一', '2026-12-04', '2026-12-07'],
    ['从周四开始请三个工作日', '2026-12-03', '2026-12-07'],
    ['Thursday for 3 business days', '2026-12-03', '2026-12-07'],
    ['元旦', '2027-01-01', '2027-01-01'],
    ['明年1月5日', '2027-01-05', '2027-01-05'],
    ['Christmas Eve', '2026-12-24', '2026-12-24'],
  ])('%s → %s … %s', (text, from, to) => {
    expect(range(text)).toMatchObject({ range: { from, to } });
  });

  it('two days not in a row stay one day and a rest', () => {
    expect(range('周一和周三')).toMatchObject({ range: { from: '2026-12-07', to: '2026-12-07' } });
  });

  it('an evening puts its hours after noon', () => {
    const back = { now, direction: 'backward' as const };
    expect(takeDateTime('昨晚十点 下班 忘了打卡', back)).toMatchObject({ date: '2026-12-01', time: '22:00' });
    expect(takeDateTime('last night at 9:30 out', back)).toMatchObject({ date: '2026-12-01', time: '21:30' });
    expect(takeDateTime('今早8点50 上班', back)).toMatchObject({ date: '2026-12-02', time: '08:50' });
  });
});
