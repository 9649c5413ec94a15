import { Customer } from '../../db/models/customer.js';
import { type Column, oneBatch, type Table } from '../../src/table-export.js';
import { namesOf } from '../org/api.js';
import { followUpsBetween } from './follow-ups.js';

const COLUMNS: Column[] = [
  { key: 'at', label: { 'zh-CN': '时间 (UTC)', en: 'Time (UTC)' }, kind: 'datetime', width: 18 },
  { key: 'customer', label: { 'zh-CN': '客户', en: 'Customer' }, kind: 'text', width: 24 },
  { key: 'by', label: { 'zh-CN': '跟进人', en: 'By' }, kind: 'text', width: 14 },
  { key: 'kind', label: { 'zh-CN': '类型', en: 'Kind' }, kind: 'text' },
  { key: 'channel', label: { 'zh-CN': '方式', en: 'Channel' }, kind: 'text' },
  { key: 'note', label: { 'zh-CN': '内容', en: 'Note' }, kind: 'text', width: 48 },
  { key: 'next_at', label: { 'zh-CN': '下次跟进 (UTC)', en: 'Next (UTC)' }, kind: 'datetime', width: 18 },
  { key: 'stage', label: { 'zh-CN': '阶段', en: 'Stage' }, kind: 'text' },
];

/** The follow-up log in [from, to), one entry a row, oldest first. */
export async function followUpsTable(from: Date, to: Date): Promise<Table> {
  const rows = await followUpsBetween(from, to);
  const customers = await Customer.find(
    { _id: { $in: [...new Set(rows.map((r) => String(r.customerId)))] } },
    { name: 1 },
  ).lean();
  const customerName = new Map(customers.map((c) => [String(c._id), c.name]));
  const names = await namesOf(rows.map((r) => r.by));
  const cells = rows.map((r) => [
    r.at,
    customerName.get(String(r.customerId)) ?? '',
    r.by ? (names.get(String(r.by)) ?? '') : '',
    r.kind,
    r.channel,
    r.note,
    r.nextAt ?? null,
    r.stage ?? '',
  ]);
  return { sheet: { 'zh-CN': '跟进记录', en: 'Follow-ups' }, columns: COLUMNS, rows: oneBatch(cells) };
}
