import { DateTime } from 'luxon';
import { inList } from '../../db/in-list.js';
import { Customer, type CustomerDoc } from '../../db/models/customer.js';
import {
  byReader,
  type DigestSection,
  type DigestSectionSpec,
  type RunContext,
} from '../../src/bot/digest.js';
import { tr } from '../../src/bot/i18n.js';
import { CRM_CONFIG } from './config.js';

/** This flow's lines in the morning digest. */
const t = {
  followUps: { 'zh-CN': '今日跟进', en: 'Follow-ups due' },
  dueToday: { 'zh-CN': '今天', en: 'today' },
  overdue: { 'zh-CN': '逾期 {days} 天', en: 'overdue {days}d' },
  returning: { 'zh-CN': '即将回公海（请尽快跟进）', en: 'Going back to the pool soon (follow up)' },
  returnsOn: { 'zh-CN': '{date} 回公海', en: 'back to the pool on {date}' },
};

/** Customers this close to going back to the pool are named in their owner's digest. */
const WARN_DAYS = 3;
const DAY_MS = 86_400_000;

/** Sales: follow-ups due today or overdue (by the reader's local day). */
async function dueFollowUps(ctx: RunContext): Promise<Map<string, DigestSection>> {
  // the latest "end of today" over every zone; each reader's own day is applied below
  const latest = new Date(ctx.now.getTime() + 2 * DAY_MS);
  const docs = await Customer.find(
    {
      ...inList(
        'ownerId',
        ctx.readers.map((r) => r.id),
      ),
      nextFollowUpAt: { $lte: latest },
    },
    { name: 1, ownerId: 1, nextFollowUpAt: 1 },
  )
    .sort({ nextFollowUpAt: 1 })
    .lean<CustomerDoc[]>();
  const out = new Map<string, DigestSection>();
  for (const [reader, mine] of byReader(ctx, docs, (c) => [c.ownerId])) {
    const today = DateTime.fromISO(reader.date, { zone: reader.timezone });
    const end = today.endOf('day').toJSDate();
    const dueNow = mine.filter((c) => c.nextFollowUpAt && c.nextFollowUpAt <= end);
    if (dueNow.length === 0) continue;
    out.set(reader.id, {
      title: tr(reader.locale, t.followUps),
      lines: dueNow.map((c) => {
        // calendar days in the reader's zone (a DST day is not 24 h)
        const due = DateTime.fromJSDate(c.nextFollowUpAt as Date, { zone: reader.timezone }).startOf('day');
        const days = Math.round(today.startOf('day').diff(due, 'days').days);
        const when = days <= 0 ? tr(reader.locale, t.dueToday) : tr(reader.locale, t.overdue, { days });
        return `${c.name} · ${when}`;
      }),
    });
  }
  return out;
}

/** Sales: customers with no follow-up for nearly `idleDays`, before the idle job returns them. */
async function returningToPool(ctx: RunContext): Promise<Map<string, DigestSection>> {
  const cutoff = new Date(ctx.now.getTime() - (CRM_CONFIG.idleDays - WARN_DAYS) * DAY_MS);
  const docs = await Customer.find(
    {
      ...inList(
        'ownerId',
        ctx.readers.map((r) => r.id),
      ),
      activeAt: { $lt: cutoff },
    },
    { name: 1, ownerId: 1, activeAt: 1 },
  )
    .sort({ activeAt: 1 })
    .lean<CustomerDoc[]>();
  const out = new Map<string, DigestSection>();
  for (const [reader, mine] of byReader(ctx, docs, (c) => [c.ownerId])) {
    out.set(reader.id, {
      title: tr(reader.locale, t.returning),
      lines: mine.map((c) => {
        const back = DateTime.fromJSDate(new Date(c.activeAt.getTime() + CRM_CONFIG.idleDays * DAY_MS), {
          zone: reader.timezone,
        });
        return `${c.name} · ${tr(reader.locale, t.returnsOn, { date: back.toFormat('MM-dd') })}`;
      }),
    });
  }
  return out;
}

/** What sales adds to the morning digest. */
export const salesDigestSections: DigestSectionSpec[] = [
  { name: 'crm.followUps', order: 40, load: dueFollowUps },
  { name: 'crm.returning', order: 50, load: returningToPool },
];
