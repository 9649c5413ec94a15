import { DateTime } from 'luxon';
import type { CustomerDoc } from '../../db/models/customer.js';
import { tr } from '../../src/bot/i18n.js';
import type { CustomerRevenue } from '../orders/api.js';
import { formatTotals } from '../stock/api.js';
import type { Viewer } from './cards.js';
import { STAGE_LABEL } from './words.js';

type Section = { title: string; lines: string[] };
const DAY_MS = 86_400_000;

const t = {
  stages: { 'zh-CN': '阶段变化', en: 'Stage history' },
  cadence: { 'zh-CN': '跟进节奏', en: 'Follow-up cadence' },
  every: {
    'zh-CN': '最近 {n} 次平均每 {avg} 天一次；距上次 {since} 天',
    en: 'last {n}: every {avg} days on average; {since} days since the last',
  },
  since: { 'zh-CN': '距上次跟进 {since} 天', en: '{since} days since the last follow-up' },
  revenue: { 'zh-CN': '近 12 个月', en: 'Last 12 months' },
  orders: { 'zh-CN': '{n} 个订单 · {total}', en: '{n} orders · {total}' },
  nextStep: { 'zh-CN': '下一步', en: 'Next step' },
};

/** Average days between the kept contact times (newest first) and days since the newest. */
export function cadenceOf(
  times: Date[],
  now: Date,
): { n: number; avgDays: number | null; sinceDays: number } | null {
  const [last] = times;
  if (!last) return null;
  const gaps = times.slice(1).map((t, i) => ((times[i] as Date).getTime() - t.getTime()) / DAY_MS);
  const avgDays = gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : null;
  return { n: times.length, avgDays, sinceDays: Math.floor((now.getTime() - last.getTime()) / DAY_MS) };
}

/**
 * What the profile adds to the customer's fields: its stage changes, how often it is contacted,
 * its orders and revenue of the last twelve months and the owner's next step. All from the
 * customer document (kept on write) and orders' face.
 */
export function profileSections(c: CustomerDoc, revenue: CustomerRevenue, v: Viewer, now: Date): Section[] {
  const { locale, timezone } = v;
  const day = (d: Date) => DateTime.fromJSDate(d, { zone: timezone }).toFormat('yyyy-MM-dd');
  const sections: Section[] = [];
  const stages = c.stageHistory ?? [];
  if (stages.length)
    sections.push({
      title: tr(locale, t.stages),
      lines: [stages.map((s) => `${day(s.at)} ${tr(locale, STAGE_LABEL[s.stage])}`).join(' ← ')],
    });
  const cadence = cadenceOf(c.contactTimes ?? [], now);
  if (cadence)
    sections.push({
      title: tr(locale, t.cadence),
      lines: [
        cadence.avgDays === null
          ? tr(locale, t.since, { since: cadence.sinceDays })
          : tr(locale, t.every, { n: cadence.n, avg: cadence.avgDays.toFixed(1), since: cadence.sinceDays }),
      ],
    });
  if (revenue.orders > 0)
    sections.push({
      title: tr(locale, t.revenue),
      lines: [
        tr(locale, t.orders, { n: revenue.orders, total: formatTotals(revenue.totals, locale) || '–' }),
      ],
    });
  if (c.nextStep) {
    const when = c.nextFollowUpAt ? ` (${day(c.nextFollowUpAt)})` : '';
    sections.push({ title: tr(locale, t.nextStep), lines: [`${c.nextStep}${when}`] });
  }
  return sections;
}
