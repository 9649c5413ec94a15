import type mongoose from 'mongoose';
import { Employee } from '../../db/models/employee.js';
import { employeesOnLeave } from '../attendance/hooks.js';
import type { ApproverRef, PolicyRule } from './policy.js';

type Id = mongoose.Types.ObjectId;
type OrgRow = { _id: Id; email: string; department: string; managerId: Id | null; roles: string[] };
export type RoutedApprover = { employeeId: Id; standsInFor: Id | null; reason: 'on-leave' | 'self' | null };
export type RoutedStep = {
  name: string;
  label: PolicyRule['steps'][number]['label'];
  mode: 'any' | 'all';
  approvers: RoutedApprover[];
};

/**
 * Turns a policy rule into people. The org is small enough to load once per request (one
 * query); people on approved leave today (the attendance calendar) are found with one more.
 */
export async function routeRequest(input: {
  requesterId: Id;
  rule: PolicyRule;
  data: Record<string, unknown>;
  today: string;
}): Promise<{ steps: RoutedStep[]; cc: Id[] }> {
  const org = await Employee.find({ active: true }, { email: 1, department: 1, managerId: 1, roles: 1 }).lean<
    OrgRow[]
  >();
  const byId = new Map(org.map((e) => [String(e._id), e]));
  const requester = byId.get(String(input.requesterId));
  const away = await employeesOnLeave(
    org.map((e) => String(e._id)),
    input.today,
  );

  const resolve = (ref: ApproverRef): Id[] => {
    if (ref === 'manager') return requester?.managerId ? [requester.managerId] : [];
    if (ref === 'departmentHead') return headOf(org, byId, requester?.department ?? '');
    if (ref === 'targetDepartmentHead') return headOf(org, byId, String(input.data.department ?? ''));
    if (ref === 'hiringManager')
      return org.filter((e) => e.email === input.data.managerEmail).map((e) => e._id);
    if (ref.startsWith('role:')) return org.filter((e) => e.roles.includes(ref.slice(5))).map((e) => e._id);
    return org.filter((e) => e.email === ref.slice(6).toLowerCase()).map((e) => e._id);
  };

  /** Nobody approves their own request, and nobody away approves: both pass it up the line. */
  const standIn = (id: Id): RoutedApprover | null => {
    let current: Id | null = id;
    let reason: RoutedApprover['reason'] = null;
    for (let hops = 0; current && hops < 20; hops++) {
      const isSelf = current.equals(input.requesterId);
      const isAway = away.has(String(current));
      if (!isSelf && !isAway) return { employeeId: current, standsInFor: reason ? id : null, reason };
      reason ??= isSelf ? 'self' : 'on-leave';
      current = byId.get(String(current))?.managerId ?? null;
    }
    return null;
  };

  const admins = org
    .filter((e) => e.roles.includes('admin') && !e._id.equals(input.requesterId))
    .map((e) => e._id);
  const steps: RoutedStep[] = [];
  for (const step of input.rule.steps) {
    const approvers = unique(
      step.approvers
        .flatMap(resolve)
        .map(standIn)
        .filter((a): a is RoutedApprover => a !== null),
    );
    // nobody to ask (e.g. the top of the company): an admin decides; with no admin, the step is skipped
    const chosen =
      approvers.length > 0
        ? approvers
        : admins.map((employeeId) => ({ employeeId, standsInFor: null, reason: null }));
    if (chosen.length === 0 || sameAs(steps[steps.length - 1], chosen)) continue;
    steps.push({ name: step.name, label: step.label, mode: step.mode, approvers: chosen });
  }
  const cc = uniqueIds(input.rule.cc.flatMap(resolve)).filter((id) => !id.equals(input.requesterId));
  return { steps, cc };
}

/** The manager of a department whose own manager is outside it. */
function headOf(org: OrgRow[], byId: Map<string, OrgRow>, department: string): Id[] {
  const head = org.find(
    (e) =>
      e.department === department &&
      e.roles.includes('manager') &&
      (!e.managerId || byId.get(String(e.managerId))?.department !== department),
  );
  return head ? [head._id] : [];
}

function unique(list: RoutedApprover[]): RoutedApprover[] {
  const seen = new Set<string>();
  return list.filter((a) => !seen.has(String(a.employeeId)) && seen.add(String(a.employeeId)));
}

function uniqueIds(list: Id[]): Id[] {
  return [...new Map(list.map((id) => [String(id), id])).values()];
}

/** A step asking exactly the people of the step before would only make them approve twice. */
function sameAs(previous: RoutedStep | undefined, approvers: RoutedApprover[]): boolean {
  if (!previous || previous.approvers.length !== approvers.length) return false;
  return approvers.every((a) => previous.approvers.some((p) => p.employeeId.equals(a.employeeId)));
}
