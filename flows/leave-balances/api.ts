/**
 * Leave balances' public face: approvals' leave type checks a request against its balance when
 * it is made or resubmitted, and tells this flow when it is filed, resubmitted, approved, rejected
 * or withdrawn (each idempotent per request revision).
 */
export {
  type BalanceRecord,
  checkLeaveBalance,
  deductLeave,
  describeBalance,
  holdLeave,
  moveLeaveHold,
  restoreLeave,
} from './service.js';
