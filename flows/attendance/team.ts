import type { DateTime } from 'luxon';
import { Employee, type EmployeeDoc } from '../../db/models/employee.js';
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
  const filter = everyone
    ? { active: true, ...(department ? { department } : {}) }
    : { active: true, managerId: viewer.id };
  const members = await Employee.find(filter, { name: 1, department: 1, timezone: 1 })
    .sort({ name: 1 })
    .lean<EmployeeDoc[]>();
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
