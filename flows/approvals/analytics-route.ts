import type { Context } from 'hono';
import { z } from 'zod';
import type { Clock } from '../../src/clock.js';
import { dayParam } from '../../src/http/query-dates.js';
import { documented } from '../../src/http/route-doc.js';
import { tableResponse } from '../../src/http/table-response.js';
import { type Cell, type Column, oneBatch, type Table } from '../../src/table-export.js';
import { type ApprovalAnalytics, approvalAnalytics } from './analytics.js';

const DAY_MS = 86_400_000;
/** A year at most: the report reads every request changed since `from`. */
const MAX_DAYS = 366;
/** Without `from`, the 30 days up to `to` (default today, UTC). */
const DEFAULT_DAYS = 30;

const COLUMNS: Column[] = [
  { key: 'section', label: { 'zh-CN': '类别', en: 'Section' }, kind: 'text', width: 14 },
  { key: 'key', label: { 'zh-CN': '项', en: 'Key' }, kind: 'text', width: 28 },
  { key: 'name', label: { 'zh-CN': '名称', en: 'Name' }, kind: 'text', width: 14 },
  { key: 'count', label: { 'zh-CN': '数量', en: 'Count' }, kind: 'number' },
  {
    key: 'median_hours',
    label: { 'zh-CN': '中位数（小时）', en: 'Median (h)' },
    kind: 'number',
    decimals: 1,
  },
  { key: 'p90_hours', label: { 'zh-CN': 'P90（小时）', en: 'P90 (h)' }, kind: 'number', decimals: 1 },
  { key: 'open_hours', label: { 'zh-CN': '已等待（小时）', en: 'Open (h)' }, kind: 'number', decimals: 1 },
];

/** The report flattened, one row per statistic or waiting request, for a spreadsheet. */
function analyticsTable(a: ApprovalAnalytics): Table {
  const stat =
    (section: string) =>
    (s: ApprovalAnalytics['slowestSteps'][number]): Cell[] => [
      section,
      s.key,
      s.name ?? '',
      s.count,
      s.medianHours,
      s.p90Hours,
      null,
    ];
  const rows: Cell[][] = [
    ...a.cycleTime.byType.map(stat('type')),
    ...a.cycleTime.byApprover.map(stat('approver')),
    ...a.slowestSteps.map(stat('step')),
    ...a.waitingLongest.map((w): Cell[] => ['waiting', w.no, w.requester, null, null, null, w.openHours]),
  ];
  return { sheet: { 'zh-CN': '审批分析', en: 'Approval analytics' }, columns: COLUMNS, rows: oneBatch(rows) };
}

export function analyticsRoute(now: Clock) {
  const query = z.object({
    from: dayParam(now).optional(),
    to: dayParam(now).optional(),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  });
  const doc = documented({
    tag: 'approvals',
    summary: 'Approval cycle times by type and approver, the slowest steps, the requests waiting longest',
    description:
      'Elapsed hours (not working hours), median and p90, from the requests’ history: cycle time of requests finished in the range, each decision’s wait by approver and step, and the 10 requests pending longest now. `from`/`to` are UTC days, `to` inclusive (default: the 30 days up to today), at most 366 days. Reads every request changed since `from` or pending, in batches.',
    query,
    responses: {
      200: {
        description:
          '`{from, to, unit, cycleTime: {byType, byApprover}, slowestSteps, waitingLongest}`, or CSV/XLSX rows',
      },
      400: {
        description: 'a day not real or too far off, `to` before `from`, over 366 days, or an unknown format',
      },
    },
  });
  const handler = async (c: Context) => {
    const parsed = query.safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const error =
        issue?.path[0] === 'format'
          ? 'format must be json, csv or xlsx'
          : `${issue?.path.join('.')}: ${issue?.message} (use YYYY-MM-DD)`;
      return c.json({ error }, 400);
    }
    const today = now().toISOString().slice(0, 10);
    const to = new Date(Date.parse(`${parsed.data.to ?? today}T00:00:00Z`) + DAY_MS);
    const from = parsed.data.from
      ? new Date(`${parsed.data.from}T00:00:00Z`)
      : new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
    if (to <= from) return c.json({ error: 'to is before from' }, 400);
    if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS)
      return c.json({ error: `at most ${MAX_DAYS} days per report` }, 400);
    const report = await approvalAnalytics(from, to, now());
    if (parsed.data.format === 'json') return c.json(report);
    const name = `approval-analytics-${from.toISOString().slice(0, 10)}`;
    return tableResponse(c, analyticsTable(report), name, parsed.data.format);
  };
  return { doc, handler };
}
