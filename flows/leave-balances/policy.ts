import { z } from 'zod';
import { LEAVE_POLICY_ID, type LeavePolicyDoc, LeavePolicyModel } from '../../db/models/leave-policy.js';

const label = z.object({ 'zh-CN': z.string().min(1).max(20), en: z.string().min(1).max(40) });

const leaveTypePolicy = z.object({
  label,
  /** Days a full year earns. */
  entitlement: z.number().min(0).max(366),
  /** `monthly`: a twelfth on the first of each month; `yearly`: all of it on 1 January. */
  accrual: z.enum(['monthly', 'yearly']),
  /** At most this many unused days of a year move to the next (0: none). */
  carryOverCap: z.number().min(0).max(366).default(0),
  /** `MM-DD` in the next year after which carried days not yet used are gone; none = they last the year. */
  carryOverExpires: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
    .nullable()
    .default(null),
  /** A request that would take the balance below zero: refused, or sent to HR as an extra step. */
  whenNegative: z.enum(['refuse', 'extraStep']).default('refuse'),
  /** How the balance is shown; requests are still written in days and half days. */
  unit: z.enum(['days', 'hours']).default('days'),
});
export type LeaveTypePolicy = z.infer<typeof leaveTypePolicy>;

export const leavePolicySchema = z.object({
  /** The first year balances count: no carry-over comes from before it. */
  startYear: z.number().int().min(2000).max(2100),
  /** Hours in a working day, for types shown in hours. */
  hoursPerDay: z.number().positive().max(24).default(8),
  /** How many days ahead the HR digest warns of carried days about to expire. */
  expiryWarningDays: z.number().int().min(1).max(366).default(30),
  /** By leave kind (`annual`, `sick`…); a kind not listed has no balance and is never refused. */
  types: z.record(z.string().regex(/^[a-z]{2,20}$/), leaveTypePolicy),
});
export type LeavePolicy = z.infer<typeof leavePolicySchema>;

export const DEFAULT_LEAVE_POLICY: LeavePolicy = leavePolicySchema.parse({
  startYear: 2026,
  types: {
    annual: {
      label: { 'zh-CN': '年假', en: 'annual leave' },
      entitlement: 10,
      accrual: 'monthly',
      carryOverCap: 5,
      carryOverExpires: '03-31',
      whenNegative: 'refuse',
    },
    sick: {
      label: { 'zh-CN': '病假', en: 'sick leave' },
      entitlement: 5,
      accrual: 'yearly',
      whenNegative: 'extraStep',
    },
  },
});

/** The policy in force: HR's, else the default. One read by `_id`. */
export async function readLeavePolicy(): Promise<LeavePolicy> {
  const doc = await LeavePolicyModel.findById(LEAVE_POLICY_ID).lean<LeavePolicyDoc>();
  if (!doc) return DEFAULT_LEAVE_POLICY;
  const parsed = leavePolicySchema.safeParse(doc.policy);
  return parsed.success ? parsed.data : DEFAULT_LEAVE_POLICY;
}

/** Replaces the policy (already validated whole, e.g. by the admin route's schema). */
export async function saveLeavePolicy(policy: LeavePolicy, at: Date): Promise<void> {
  await LeavePolicyModel.updateOne(
    { _id: LEAVE_POLICY_ID },
    { $set: { policy, updatedAt: at } },
    { upsert: true },
  );
}
