import type { DateTime } from 'luxon';
import type { Locale, ReplyFile } from '../../src/bot/types.js';
import { xlsxFile } from '../../src/table-export.js';
import { readDirectory } from '../org/api.js';
import { monthTable } from './report.js';

export type MonthExport =
  | { kind: 'file'; file: ReplyFile; department?: string }
  | { kind: 'refused'; reason: 'not-allowed' | 'other-department' }
  | { kind: 'too-big' };

const SEES_EVERYONE = ['hr', 'admin'];

/**
 * A month's attendance as a workbook for the chat. HR and admins export everyone or a
 * department; a manager only their own department (named or not); others nothing.
 */
export async function exportMonth(
  viewer: { id: string; roles: string[] },
  month: string,
  department: string | undefined,
  now: DateTime,
  locale: Locale,
): Promise<MonthExport> {
  let scope = department;
  if (!viewer.roles.some((r) => SEES_EVERYONE.includes(r))) {
    if (!viewer.roles.includes('manager')) return { kind: 'refused', reason: 'not-allowed' };
    const own = (await readDirectory()).byId(viewer.id)?.department;
    if (!own || (department !== undefined && department !== own))
      return { kind: 'refused', reason: 'other-department' };
    scope = own;
  }
  const name = `attendance-${month}${scope ? `-${scope}` : ''}`;
  const file = await xlsxFile(monthTable(month, scope, now), locale, name);
  return file ? { kind: 'file', file, department: scope } : { kind: 'too-big' };
}
