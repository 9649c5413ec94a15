import { DateTime } from 'luxon';
import type { CustomerDoc, HistoryLine, LostReason } from '../../db/models/customer.js';
import type { TicketDoc } from '../../db/models/ticket.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import type { Button, Card, Locale } from '../../src/bot/types.js';
import type { ContractLine } from '../contracts/api.js';
import type { Breakdown, Dimension } from './analytics.js';
import type { Trend } from './follow-up-trend.js';
import { CHANNEL_LABEL, LOST_REASON_LABEL, STAGE_LABEL } from './words.js';

export type Viewer = { id: string; locale: Locale; timezone: string };
type Names = Map<string, string>;

const t = {
  stage: { 'zh-CN': '阶段', en: 'Stage' },
  owner: { 'zh-CN': '负责人', en: 'Owner' },
  pool: { 'zh-CN': '公海', en: 'pool' },
  city: { 'zh-CN': '城市', en: 'City' },
  industry: { 'zh-CN': '行业', en: 'Industry' },
  contact: { 'zh-CN': '联系人', en: 'Contact' },
  age: { 'zh-CN': '年龄段', en: 'Age band' },
  source: { 'zh-CN': '来源', en: 'Source' },
  tags: { 'zh-CN': '标签', en: 'Tags' },
  last: { 'zh-CN': '上次跟进', en: 'Last follow-up' },
  next: { 'zh-CN': '下次跟进', en: 'Next follow-up' },
  tickets: { 'zh-CN': '未结工单', en: 'Open tickets' },
  contracts: { 'zh-CN': '未结合同', en: 'Open contracts' },
  receivable: { 'zh-CN': '待收', en: 'receivable' },
  nextDue: { 'zh-CN': '下期', en: 'next due' },
  none: { 'zh-CN': '暂无', en: 'Nothing here.' },
  claim: { 'zh-CN': '领取', en: 'Claim' },
  take: { 'zh-CN': '接单', en: 'Take' },
  resolve: { 'zh-CN': '解决', en: 'Resolve' },
  pick: { 'zh-CN': '找到多个“{name}”，请选择：', en: 'Several customers match "{name}"; pick one:' },
  notFound: { 'zh-CN': '没有找到客户“{name}”。', en: 'No customer matches "{name}".' },
  create: { 'zh-CN': '新建客户 {name}', en: 'Create customer {name}' },
  ticket: { 'zh-CN': '工单', en: 'Ticket' },
  customer: { 'zh-CN': '客户', en: 'Customer' },
  assignee: { 'zh-CN': '处理人', en: 'Assignee' },
  resolution: { 'zh-CN': '处理结果', en: 'Resolution' },
  status: {
    open: { 'zh-CN': '待处理', en: 'open' },
    taken: { 'zh-CN': '处理中', en: 'taken' },
    resolved: { 'zh-CN': '已解决', en: 'resolved' },
  } satisfies Record<TicketDoc['status'], Text>,
  kind: {
    claimed: { 'zh-CN': '领取', en: 'claimed' },
    released: { 'zh-CN': '放弃', en: 'released' },
    returned: { 'zh-CN': '超期退回公海', en: 'returned to the pool (idle)' },
    sample: { 'zh-CN': '送样', en: 'sample sent' },
    lost: { 'zh-CN': '输单', en: 'lost' },
  } as Record<string, Text>,
  by: {
    city: { 'zh-CN': '城市', en: 'city' },
    age: { 'zh-CN': '年龄', en: 'age' },
    industry: { 'zh-CN': '行业', en: 'industry' },
    stage: { 'zh-CN': '阶段', en: 'stage' },
    owner: { 'zh-CN': '负责人', en: 'owner' },
    lost_reason: { 'zh-CN': '流失原因', en: 'lost reason' },
  } satisfies Record<Dimension, Text>,
  analytics: { 'zh-CN': '客户分析 · 按{by}', en: 'Customers by {by}' },
  trend: { 'zh-CN': '跟进趋势 · 近 {weeks} 周', en: 'Follow-ups over the last {weeks} weeks' },
  trendScope: {
    all: { 'zh-CN': '全公司，共 {n} 次', en: 'Everyone: {n} in all' },
    team: { 'zh-CN': '你和你的团队，共 {n} 次', en: 'You and your team: {n} in all' },
    own: { 'zh-CN': '你自己，共 {n} 次', en: 'Yours: {n} in all' },
  } satisfies Record<Trend['scope'], Text>,
  weekOf: { 'zh-CN': '周', en: 'week of' },
  trendMissed: {
    'zh-CN': '部分周的次数可能偏少：有跟进没能计入，管理员重新统计后即准确。',
    en: 'Some weeks may count short: a follow-up could not be counted; an admin’s recount fixes it.',
  },
  total: { 'zh-CN': '共 {n} 个客户', en: '{n} customers' },
  unknown: { 'zh-CN': '（未填）', en: '(not set)' },
};

const day = (d: Date | null | undefined, zone: string) =>
  d ? (DateTime.fromJSDate(d, { zone }).toISODate() ?? '') : '–';
export const ownerName = (c: CustomerDoc, names: Names, locale: Locale) =>
  c.ownerId ? (names.get(String(c.ownerId)) ?? '?') : tr(locale, t.pool);
export const stageLabel = (c: Pick<CustomerDoc, 'stage'>, locale: Locale) => tr(locale, STAGE_LABEL[c.stage]);

/**
 * The profile: fields, the last five follow-ups, the open tickets and what other flows tell of the
 * customer (its latest orders and samples, from orders' face); pool customers get Claim.
 */
export function customerCard(
  c: CustomerDoc,
  p: {
    followUps: HistoryLine[];
    tickets: TicketDoc[];
    contracts?: ContractLine[];
    business?: { title: string; lines: string[] }[];
  },
  names: Names,
  v: Viewer,
): Card {
  const { locale, timezone } = v;
  const fields: [string, string][] = [
    [tr(locale, t.stage), stageLabel(c, locale)],
    [tr(locale, t.owner), ownerName(c, names, locale)],
  ];
  const optional: [Text, string][] = [
    [t.city, c.city],
    [t.industry, c.industry],
    [t.contact, [c.contact, c.phone, c.email].filter(Boolean).join(' ')],
    [t.age, c.age != null ? `${c.age} (${c.ageBand})` : c.ageBand],
    [t.source, c.source],
    [t.tags, c.tags.join(', ')],
  ];
  for (const [label, value] of optional) if (value) fields.push([tr(locale, label), value]);
  fields.push(
    [tr(locale, t.last), day(c.lastFollowUpAt, timezone)],
    [tr(locale, t.next), day(c.nextFollowUpAt, timezone)],
  );
  const history = p.followUps.map((f) => followUpLine(f, names, v));
  const tickets = p.tickets.map((k) => `${k.no} ${tr(locale, t.status[k.status])} · ${k.problem}`);
  const contracts = (p.contracts ?? []).map((k) =>
    [k.no, tr(locale, t.receivable), k.receivable, k.nextDue ? `· ${tr(locale, t.nextDue)} ${k.nextDue}` : '']
      .join(' ')
      .trim(),
  );
  const body = [
    ...history,
    ...(tickets.length ? [`${tr(locale, t.tickets)}:`, ...tickets] : []),
    ...(contracts.length ? [`${tr(locale, t.contracts)}:`, ...contracts] : []),
    ...(p.business ?? []).flatMap((s) => [`${s.title}:`, ...s.lines]),
  ].join('\n');
  return {
    title: c.name,
    subtitle: stageLabel(c, locale),
    fields,
    body: body || undefined,
    status: c.ownerId ? 'info' : 'pending',
    actions: c.ownerId
      ? []
      : [{ actionId: 'crm.pool.claim', label: tr(locale, t.claim), style: 'primary', value: String(c._id) }],
  };
}

function followUpLine(f: HistoryLine, names: Names, v: Viewer): string {
  const when = DateTime.fromJSDate(f.at, { zone: v.timezone }).toFormat('yyyy-MM-dd');
  const who = f.by ? (names.get(String(f.by)) ?? '?') : '';
  // a return to the pool is the system's doing: its label says it all, its stored note is for exports
  const note = f.kind === 'returned' ? '' : reasonInWords(f, v.locale);
  if (f.kind !== 'note')
    return `${when} ${who} ${tr(v.locale, t.kind[f.kind] ?? { 'zh-CN': f.kind, en: f.kind })} ${note}`.trim();
  const channel = tr(v.locale, CHANNEL_LABEL[f.channel]);
  return `${when} ${who} [${channel}] ${f.note}`;
}

/** A release or loss note starts with its reason's code ("price · too dear"): said in words. */
function reasonInWords(f: HistoryLine, locale: Locale): string {
  if (f.kind !== 'released' && f.kind !== 'lost') return f.note;
  const [code = '', ...rest] = f.note.split(' · ');
  if (!(code in LOST_REASON_LABEL)) return f.note;
  return [tr(locale, LOST_REASON_LABEL[code as LostReason]), ...rest].join(' · ');
}

/** A list of customers, one line each: stage · next follow-up · city · owner. */
export function customerListCard(title: Text, rows: CustomerDoc[], names: Names, v: Viewer): Card {
  return {
    title: tr(v.locale, title),
    fields: rows.map((c) => [
      c.name,
      [stageLabel(c, v.locale), day(c.nextFollowUpAt, v.timezone), c.city, ownerName(c, names, v.locale)]
        .filter(Boolean)
        .join(' · '),
    ]),
    body: rows.length === 0 ? tr(v.locale, t.none) : undefined,
    status: 'info',
    actions: [],
  };
}

/** Several customers matched: one button each, carrying what to do once picked. */
export function pickCard(
  name: string,
  candidates: CustomerDoc[],
  action: (c: CustomerDoc) => Button,
  locale: Locale,
): Card {
  return {
    title: tr(locale, t.pick, { name }),
    fields: candidates.map((c) => [c.name, [c.city, c.industry].filter(Boolean).join(' · ')]),
    status: 'info',
    actions: candidates.map(action),
  };
}

/** Nothing matched: offer to create it (owned by the asker). */
export function createOfferCard(name: string, locale: Locale): Card {
  return {
    title: tr(locale, t.notFound, { name }),
    fields: [],
    status: 'warning',
    actions: [
      {
        actionId: 'crm.customer.quickCreate',
        label: tr(locale, t.create, { name }),
        style: 'primary',
        value: name,
      },
    ],
  };
}

export function ticketCard(k: TicketDoc, customer: string, names: Names, locale: Locale): Card {
  const fields: [string, string][] = [
    [tr(locale, t.customer), customer],
    [tr(locale, t.assignee), k.assigneeId ? (names.get(String(k.assigneeId)) ?? '?') : '–'],
  ];
  if (k.resolution) fields.push([tr(locale, t.resolution), k.resolution]);
  const value = k.no;
  return {
    title: `${tr(locale, t.ticket)} ${k.no} · ${customer}`,
    subtitle: tr(locale, t.status[k.status]),
    fields,
    body: k.problem,
    status: k.status === 'resolved' ? 'done' : 'pending',
    actions:
      k.status === 'resolved'
        ? []
        : [
            ...(k.status === 'open'
              ? [
                  {
                    actionId: 'crm.ticket.take',
                    label: tr(locale, t.take),
                    style: 'default' as const,
                    value,
                    // taking makes the clicker the assignee: nothing to take for the one who has it or opened it
                    for: { not: [k.assigneeId, k.openedBy].filter((id) => !!id).map(String) },
                  },
                ]
              : []),
            {
              actionId: 'crm.ticket.resolve',
              label: tr(locale, t.resolve),
              style: 'primary',
              value,
              // as changeTicket checks it: the assignee or an admin, anyone while nobody has it
              ...(k.assigneeId ? { for: { ids: [String(k.assigneeId)], roles: ['admin'] } } : {}),
            },
          ],
  };
}

/** Counts, shares and a 20-character text bar per row, largest first. */
export function analyticsCard(b: Breakdown, locale: Locale): Card {
  const top = b.rows[0]?.count ?? 1;
  const label = (key: string) =>
    !key
      ? tr(locale, b.by === 'owner' ? t.pool : t.unknown)
      : b.by === 'stage' && key in STAGE_LABEL
        ? tr(locale, STAGE_LABEL[key as keyof typeof STAGE_LABEL])
        : b.by === 'lost_reason' && key in LOST_REASON_LABEL
          ? tr(locale, LOST_REASON_LABEL[key as LostReason])
          : key;
  const rows = b.rows.slice(0, 15);
  // labels in a column: Chinese pads with full-width spaces, English with spaces, neither is cut short
  const width = Math.min(16, Math.max(4, ...rows.map((r) => label(r.key).length)));
  const pad = locale === 'en' ? ' ' : '\u3000';
  const lines = rows.map((r) => {
    const bar = '█'.repeat(Math.max(1, Math.round((r.count / top) * 20)));
    return `${label(r.key).padEnd(width, pad).slice(0, width)} ${String(r.count).padStart(5)} ${(r.share * 100).toFixed(1).padStart(5)}% ${bar}`;
  });
  const title = tr(locale, t.analytics, { by: tr(locale, t.by[b.by]) });
  // the chart has every value (up to 30) with its whole label; the text beside it the top 15
  const bars = b.rows.slice(0, 30).map((r) => ({ label: label(r.key), value: r.count }));
  return {
    title,
    subtitle: tr(locale, t.total, { n: b.total }),
    fields: [],
    body: lines.length ? lines.join('\n') : tr(locale, t.none),
    ...(bars.length ? { chart: { kind: 'bar' as const, title, bars } } : {}),
    status: 'info',
    actions: [],
  };
}

/** One line a week (its Monday, the count, a text bar) and the same weeks as a line chart. */
export function trendCard(trend: Trend, locale: Locale): Card {
  const top = Math.max(1, ...trend.weeks.map((w) => w.count));
  const day = (iso: string) => DateTime.fromISO(iso).toFormat(locale === 'en' ? 'MMM d' : 'M/d');
  const lines = trend.weeks.map(
    (w) =>
      `${tr(locale, t.weekOf)} ${day(w.start).padEnd(6)} ${String(w.count).padStart(4)} ${'█'.repeat(Math.round((w.count / top) * 20))}`,
  );
  if (trend.missed) lines.push('', tr(locale, t.trendMissed));
  const title = tr(locale, t.trend, { weeks: trend.weeks.length });
  const points = trend.weeks.map((w) => ({ label: day(w.start), value: w.count }));
  return {
    title,
    subtitle: tr(locale, t.trendScope[trend.scope], { n: trend.total }),
    fields: [],
    body: lines.join('\n'),
    chart: { kind: 'line', title, points },
    status: 'info',
    actions: [],
  };
}
