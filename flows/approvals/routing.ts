import type mongoose from 'mongoose';
import { employeesOnLeave } from '../attendance/api.js';
import { type Directory, readDirectory } from '../org/api.js';
import type { ApproverRef, PolicyRule, StepLimits } from './policy.js';

type Id = mongoose.Types.ObjectId;
/** Hops up a reporting line before giving up (a loop, or a very tall company). */
const MAX_HOPS = 20;
export type RoutedApprover = { employeeId: Id; standsInFor: Id | null; reason: 'on-leave' | 'self' | null };
export type RoutedStep = {
  name: string;
  label: PolicyRule['steps'][number]['label'];
  mode: 'any' | 'all';
  approvers: RoutedApprover[];
  limits: StepLimits | null;
};

/**
 * Turns a policy rule into people, from the in-memory directory; the one query left asks who of
 * the few people the rule can reach (the approvers and the lines above them) is on approved
 * leave today (the attendance calendar).
 */
export async function routeRequest(input: {
  requesterId: Id;
  rule: PolicyRule;
  data: Record<string, unknown>;
  today: string;
}): Promise<{ steps: RoutedStep[]; cc: Id[] }> {
  const org = await readDirectory();
  const requester = org.active(input.requesterId);

  const resolve = (ref: ApproverRef): Id[] => {
    if (ref === 'manager') return requester?.managerId ? [requester.managerId] : [];
    if (ref === 'departmentHead') return headOf(org, requester?.department ?? '');
    if (ref === 'targetDepartmentHead') return headOf(org, String(input.data.department ?? ''));
    if (ref === 'hiringManager') return idsOf(org.activeByEmail(String(input.data.managerEmail ?? '')));
    if (ref.startsWith('role:')) return org.withRole(ref.slice(5)).map((e) => e._id);
    return idsOf(org.activeByEmail(ref.slice(6)));
  };
  const asked = input.rule.steps.flatMap((step) => step.approvers.flatMap(resolve));
  const away = await employeesOnLeave([...new Set(asked.flatMap((id) => lineFrom(org, id)))], input.today);

  /** Nobody approves their own request, and nobody away approves: both pass it up the line. */
  const standIn = (id: Id): RoutedApprover | null => {
    let current: Id | null = id;
    let reason: RoutedApprover['reason'] = null;
    for (let hops = 0; current && hops < MAX_HOPS; hops++) {
      const isSelf = current.equals(input.requesterId);
      const isAway = away.has(String(current));
      if (!isSelf && !isAway) return { employeeId: current, standsInFor: reason ? id : null, reason };
      reason ??= isSelf ? 'self' : 'on-leave';
      current = org.active(current)?.managerId ?? null;
    }
    return null;
  };

  const admins = org
    .withRole('admin')
    .filter((e) => !e._id.equals(input.requesterId))
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
    const { remindAfterHours, escalateAfterHours, escalate } = step;
    const limits = { remindAfterHours, escalateAfterHours, escalate };
    steps.push({
      name: step.name,
      label: step.label,
      mode: step.mode,
      approvers: chosen,
      limits: Object.values(limits).some((v) => v !== undefined) ? limits : null,
    });
  }
  const cc = uniqueIds(input.rule.cc.flatMap(resolve)).filter((id) => !id.equals(input.requesterId));
  return { steps, cc };
}

/** The manager of a department whose own manager is outside it. */
function headOf(org: Directory, department: string): Id[] {
  const head = org
    .inDepartment(department)
    .find((e) => e.roles.includes('manager') && org.active(e.managerId)?.department !== department);
  return idsOf(head);
}

const idsOf = (doc: { _id: Id } | undefined): Id[] => (doc ? [doc._id] : []);

/** Someone and the active people above them: whoever may stand in when they cannot approve. */
function lineFrom(org: Directory, id: Id): string[] {
  const line: string[] = [];
  let cursor: Id | null = id;
  while (cursor && line.length < MAX_HOPS) {
    line.push(String(cursor));
    cursor = org.active(cursor)?.managerId ?? null;
  }
  return line;
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
