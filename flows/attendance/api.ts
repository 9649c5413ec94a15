/**
 * Attendance's public face. Approvals calls the leave and make-up hooks (each idempotent per
 * request, see README.md); digests asks who works today; the admin API builds the month report.
 */
export {
  applyMakeupPunch,
  cancelLeave,
  countWorkdays,
  employeesOnLeave,
  recordApprovedLeave,
} from './hooks.js';
export { CSV_HEADER, csvLine, csvRow, monthDays, monthSummary } from './report.js';
export { recountMonths } from './rollup.js';
export { isWorkday, loadSchedules } from './schedule.js';
