import type { DateTime } from 'luxon';
import { readDirectory } from '../org/api.js';
import { loadDays } from './days.js';
import type { DayResult } from './evaluate.js';
import { loadSchedules } from './schedule.js';

export type TeamView =
  | { kind: 'ok'; date: string; scope: string; rows: { name: string; day: DayResult }[] }
  | { kind: 'refused'; reason: 'not-manager' | 'department-needs-hr' };

const SEES_EVERYONE = ['hr', 'admin'];

/**
 * One date for a team: a manager sees their direct reports; HR and admins see a department, or
 * everyone when none is named. The date is a calendar date, read in each member's own timezone.
 */
export async function teamDay(
  viewer: { id: string; roles: string[] },
  date: string,
  department: string | undefined,
  now: DateTime,
): Promise<TeamView> {
  const everyone = viewer.roles.some((r) => SEES_EVERYONE.includes(r));
  if (department && !everyone) return { kind: 'refused', reason: 'department-needs-hr' };
  if (!everyone && !viewer.roles.includes('manager')) return { kind: 'refused', reason: 'not-manager' };
  const org = await readDirectory();
  const members = (
    everyone ? (department ? org.inDepartment(department) : org.everyone()) : org.reportsOf(viewer.id)
  ).toSorted((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const people = members.map((m) => ({
    id: String(m._id),
    name: m.name,
    department: m.department,
    timezone: m.timezone,
  }));
  const days = await loadDays(people, date, date, await loadSchedules(), now);
  return {
    kind: 'ok',
    date,
    scope: everyone ? (department ?? '*') : 'reports',
    rows: people.map((p) => ({ name: p.name, day: days.get(p.id)?.[0] as DayResult })),
  };
}
