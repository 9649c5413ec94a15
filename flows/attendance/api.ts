/**
 * Attendance's public face. Approvals calls the leave and make-up hooks (each idempotent per
 * request, see README.md) and asks who is away; digests asks who works today.
 */
export { applyMakeupPunch, countWorkdays, employeesOnLeave, recordApprovedLeave } from './hooks.js';
export { isWorkday, loadSchedules } from './schedule.js';
