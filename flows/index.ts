import type { Flow } from '../src/bot/flow.js';
import { approvalsFlow } from './approvals/index.js';
import { attendanceFlow } from './attendance/index.js';
import { crmFlow } from './crm/index.js';
import { digestsFlow } from './digests/index.js';
import { helpFlow } from './help/index.js';
import { housekeepingFlow } from './housekeeping/index.js';
import { ordersFlow } from './orders/index.js';
import { orgFlow } from './org/index.js';
import { stockFlow } from './stock/index.js';

/** Every capability, registered explicitly. Order decides nothing; keywords must not collide. */
export const flows: Flow[] = [
  approvalsFlow,
  attendanceFlow,
  crmFlow,
  digestsFlow,
  helpFlow,
  housekeepingFlow,
  orgFlow,
  stockFlow,
  ordersFlow,
];
