import { z } from 'zod';
import { APPROVAL_TYPES } from '../../db/models/approval-request.js';

/** Step names as cards show them; a step is named once here and used by any rule. */
const STEP = {
  manager: { name: 'manager', label: { 'zh-CN': '直属上级', en: 'manager' } },
  departmentHead: { name: 'department head', label: { 'zh-CN': '部门负责人', en: 'department head' } },
  finance: { name: 'finance', label: { 'zh-CN': '财务', en: 'finance' } },
  targetHead: {
    name: 'target department head',
    label: { 'zh-CN': '调入部门负责人', en: 'target department head' },
  },
  hr: { name: 'HR', label: { 'zh-CN': '人事', en: 'HR' } },
  hiringManager: { name: 'hiring manager', label: { 'zh-CN': '用人经理', en: 'hiring manager' } },
};

/**
 * Who approves what. Edit DEFAULT_POLICY: for each request type, the first rule whose `when`
 * matches gives the ordered steps. Approvers: `manager` (the requester's), `departmentHead`
 * (of the requester's department), `targetDepartmentHead` (of the department a transfer goes to),
 * `hiringManager` (an onboarding's manager), `role:<role>` (everyone with that role) or
 * `email:<address>`. A step's mode is `any` (或签, first decision counts) or `all` (会签). Every
 * step has a label in each language (cards show it; a request keeps the label it was filed with).
 * `resubmitFrom` (default `first`): where a request sent back to its requester starts again.
 * Time limits per step, in working hours of the approvers' own schedules and zones:
 * `remindAfterHours` (the reminder period; default APPROVAL_REMINDER_HOURS, counted in plain
 * hours) and `escalateAfterHours` with `escalate`: `manager` (each late approver's manager takes
 * their place), `approve` or `send-back` (the system decides the step).
 */
export const DEFAULT_POLICY = {
  leave: [
    { when: { maxDays: 3 }, steps: [{ ...STEP.manager, approvers: ['manager'] }], cc: ['role:hr'] },
    {
      steps: [
        { ...STEP.manager, approvers: ['manager'] },
        { ...STEP.departmentHead, approvers: ['departmentHead'] },
      ],
      cc: ['role:hr'],
    },
  ],
  expense: [
    { when: { maxAmount: 1000 }, steps: [{ ...STEP.manager, approvers: ['manager'] }] },
    {
      steps: [
        { ...STEP.manager, approvers: ['manager'] },
        { ...STEP.finance, approvers: ['role:finance'] },
      ],
    },
  ],
  trip: [{ steps: [{ ...STEP.manager, approvers: ['manager'] }] }],
  transfer: [
    {
      steps: [
        { ...STEP.manager, approvers: ['manager'] },
        { ...STEP.targetHead, approvers: ['targetDepartmentHead'] },
        { ...STEP.hr, approvers: ['role:hr'] },
      ],
    },
  ],
  onboarding: [
    {
      steps: [
        { ...STEP.hiringManager, approvers: ['hiringManager'] },
        { ...STEP.hr, approvers: ['role:hr'] },
      ],
    },
  ],
  makeup: [{ steps: [{ ...STEP.manager, approvers: ['manager'] }] }],
  general: [{ steps: [{ ...STEP.manager, approvers: ['manager'] }] }],
  contract: [
    {
      steps: [
        { ...STEP.manager, approvers: ['manager'] },
        { ...STEP.finance, approvers: ['role:finance'] },
      ],
    },
  ],
};

const approverRef = z.union([
  z.enum(['manager', 'departmentHead', 'targetDepartmentHead', 'hiringManager']),
  z.string().regex(/^role:(employee|manager|hr|finance|sales|warehouse|admin)$/),
  z.string().regex(/^email:[^@\s]+@[^@\s]+$/),
]);
export type ApproverRef = z.infer<typeof approverRef>;

/** A step's time limits, as a request keeps them from its filing (db: ApprovalStep.limits). */
export const stepLimits = z.object({
  remindAfterHours: z.number().positive().optional(),
  escalateAfterHours: z.number().positive().optional(),
  escalate: z.enum(['manager', 'approve', 'send-back']).optional(),
});
export type StepLimits = z.infer<typeof stepLimits>;

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
      z
        .object({
          name: z.string().min(1),
          label: z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }),
          approvers: z.array(approverRef).min(1),
          mode: z.enum(['any', 'all']).default('any'),
          ...stepLimits.shape,
        })
        .refine((s) => (s.escalate === undefined) === (s.escalateAfterHours === undefined), {
          message: 'escalate and escalateAfterHours go together',
        }),
    )
    .min(1),
  cc: z.array(approverRef).default([]),
  /**
   * Where a request sent back to its requester (退回) starts again once resubmitted: the `first`
   * step, or the step that `returned` it (its name in the new route; else the first).
   */
  resubmitFrom: z.enum(['first', 'returned']).default('first'),
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

/**
 * A step's label in the current policy, by its name: for requests filed before steps kept their
 * label. A name the policy no longer has is shown as it was written.
 */
const LABELS = new Map(
  Object.values(POLICY).flatMap((rules) => rules.flatMap((r) => r.steps.map((s) => [s.name, s.label]))),
);
export const policyStepLabel = (name: string) => LABELS.get(name);

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
