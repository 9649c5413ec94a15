/**
 * Leave balances' public face: approvals' leave type checks a request against its balance when
 * it is made, and tells this flow when it is filed, approved, rejected or withdrawn (each
 * idempotent per request).
 */
export {
  type BalanceRecord,
  checkLeaveBalance,
  deductLeave,
  describeBalance,
  holdLeave,
  restoreLeave,
} from './service.js';
