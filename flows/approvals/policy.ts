import { z } from 'zod';
import { APPROVAL_TYPES } from '../../db/models/approval-request.js';

/**
 * Who approves what. Edit DEFAULT_POLICY: for each request type, the first rule whose `when`
 * matches gives the ordered steps. Approvers: `manager` (the requester's), `departmentHead`
 * (of the requester's department), `targetDepartmentHead` (of the department a transfer goes to),
 * `hiringManager` (an onboarding's manager), `role:<role>` (everyone with that role) or
 * `email:<address>`. A step's mode is `any` (或签, first decision counts) or `all` (会签).
 */
export const DEFAULT_POLICY = {
  leave: [
    { when: { maxDays: 3 }, steps: [{ name: 'manager', approvers: ['manager'] }], cc: ['role:hr'] },
    {
      steps: [
        { name: 'manager', approvers: ['manager'] },
        { name: 'department head', approvers: ['departmentHead'] },
      ],
      cc: ['role:hr'],
    },
  ],
  expense: [
    { when: { maxAmount: 1000 }, steps: [{ name: 'manager', approvers: ['manager'] }] },
    {
      steps: [
        { name: 'manager', approvers: ['manager'] },
        { name: 'finance', approvers: ['role:finance'] },
      ],
    },
  ],
  trip: [{ steps: [{ name: 'manager', approvers: ['manager'] }] }],
  transfer: [
    {
      steps: [
        { name: 'manager', approvers: ['manager'] },
        { name: 'target department head', approvers: ['targetDepartmentHead'] },
        { name: 'HR', approvers: ['role:hr'] },
      ],
    },
  ],
  onboarding: [
    {
      steps: [
        { name: 'hiring manager', approvers: ['hiringManager'] },
        { name: 'HR', approvers: ['role:hr'] },
      ],
    },
  ],
  makeup: [{ steps: [{ name: 'manager', approvers: ['manager'] }] }],
  general: [{ steps: [{ name: 'manager', approvers: ['manager'] }] }],
};

const approverRef = z.union([
  z.enum(['manager', 'departmentHead', 'targetDepartmentHead', 'hiringManager']),
  z.string().regex(/^role:(employee|manager|hr|finance|sales|warehouse|admin)$/),
  z.string().regex(/^email:[^@\s]+@[^@\s]+$/),
]);
export type ApproverRef = z.infer<typeof approverRef>;

const rule = z.object({
  when: z
    .object({
      maxDays: z.number().positive().optional(),
      maxAmount: z.number().positive().optional(),
      departments: z.array(z.string()).optional(),
    })
    .default({}),
  steps: z
    .array(
      z.object({
        name: z.string().min(1),
        approvers: z.array(approverRef).min(1),
        mode: z.enum(['any', 'all']).default('any'),
      }),
    )
    .min(1),
  cc: z.array(approverRef).default([]),
});
export type PolicyRule = z.infer<typeof rule>;

const policySchema = z.object(
  Object.fromEntries(APPROVAL_TYPES.map((t) => [t, z.array(rule).min(1)])) as Record<
    (typeof APPROVAL_TYPES)[number],
    z.ZodArray<typeof rule>
  >,
);
export type Policy = z.infer<typeof policySchema>;

/** Validated at start-up (module load): a broken policy stops the app with the offending path. */
export function loadPolicy(raw: unknown = DEFAULT_POLICY): Policy {
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`approval policy invalid at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

export const POLICY = loadPolicy();

/** The first rule of a type whose conditions hold for the request's measures. */
export function ruleFor(
  policy: Policy,
  type: keyof Policy,
  m: { days?: number; amount?: number; department?: string },
): PolicyRule {
  const rules = policy[type];
  const match = rules.find(
    ({ when }) =>
      (when.maxDays === undefined || (m.days ?? 0) <= when.maxDays) &&
      (when.maxAmount === undefined || (m.amount ?? 0) <= when.maxAmount) &&
      (when.departments === undefined ||
        (m.department !== undefined && when.departments.includes(m.department))),
  );
  return match ?? (rules[rules.length - 1] as PolicyRule);
}
