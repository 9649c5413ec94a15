import { ApprovalRequest, type ApprovalRequestDoc } from '../../../db/models/approval-request.js';
import { tr } from '../../../src/bot/i18n.js';
import type { Locale } from '../../../src/bot/types.js';
import { csvLine } from '../../../src/csv-export.js';
import { namesOf } from '../../org/api.js';
import { shown } from './build-type.js';
import { customType } from './store.js';

/** More rows than this in one export is a sign the range is wrong; it is refused, not truncated. */
export const MAX_REPORT_ROWS = 50_000;

const FIXED = ['no', 'filed_at', 'requester', 'department', 'status', 'version'];

/**
 * A custom type's requests filed in [from, to) as CSV, one request a line: the fixed columns,
 * then one per field of any version (a field a request's version lacks is empty), its values
 * as that version's form shows them, in `locale`. Null when there are more than MAX_REPORT_ROWS.
 */
export async function customTypeReport(
  type: string,
  from: Date,
  to: Date,
  locale: Locale,
): Promise<string | null> {
  // a report: on the embedded store this reads the whole collection (the type index serves MongoDB)
  const rows = await ApprovalRequest.find({ type, createdAt: { $gte: from, $lt: to } })
    .sort({ createdAt: 1 })
    .limit(MAX_REPORT_ROWS + 1)
    .lean<ApprovalRequestDoc[]>();
  if (rows.length > MAX_REPORT_ROWS) return null;
  const columns = new Map<string, string>();
  for (const version of new Set(rows.map((r) => r.typeVersion ?? 0)))
    for (const f of customType(type, version)?.definition.fields ?? [])
      if (!columns.has(f.name)) columns.set(f.name, tr(locale, f.label));
  const names = await namesOf(rows.map((r) => r.requesterId));
  const lines = rows.map((r) => {
    const fields = customType(type, r.typeVersion)?.definition.fields ?? [];
    const value = (name: string) => {
      const f = fields.find((x) => x.name === name);
      const v = r.data[name];
      return f && v !== undefined && v !== '' ? shown(f, v, locale) : '';
    };
    return csvLine([
      r.no,
      r.createdAt.toISOString(),
      names.get(String(r.requesterId)) ?? '',
      r.department,
      r.status,
      String(r.typeVersion ?? ''),
      ...[...columns.keys()].map(value),
    ]);
  });
  return [csvLine([...FIXED, ...columns.values()]), ...lines].join('');
}
