/**
 * Attendance's public face. Approvals calls the leave and make-up hooks (each idempotent per
 * request, see README.md), asks who is away and counts working hours for its deadlines; digests
 * asks who works today; the CRM records a field check-in at a customer (外勤打卡).
 */
export { type FieldPunch, recordFieldPunch } from './field-punch.js';
export {
  applyMakeupPunch,
  cancelLeave,
  countWorkdays,
  employeesOnLeave,
  recordApprovedLeave,
} from './hooks.js';
export { isWorkday, loadSchedules } from './schedule.js';
export { addWorkingHours, workingHoursBetween } from './working-hours.js';
