import { digestSectionsOf } from '../src/bot/digest.js';
import type { Flow } from '../src/bot/flow.js';
import { approvalsFlow } from './approvals/index.js';
import { attendanceFlow } from './attendance/index.js';
import { contractsFlow } from './contracts/index.js';
import { crmFlow } from './crm/index.js';
import { digestsFlow } from './digests/index.js';
import { helpFlow } from './help/index.js';
import { housekeepingFlow } from './housekeeping/index.js';
import { leaveBalancesFlow } from './leave-balances/index.js';
import { ordersFlow } from './orders/index.js';
import { orgFlow } from './org/index.js';
import { stockFlow } from './stock/index.js';

const capabilities: Flow[] = [
  approvalsFlow,
  attendanceFlow,
  crmFlow,
  helpFlow,
  housekeepingFlow,
  leaveBalancesFlow,
  orgFlow,
  stockFlow,
  ordersFlow,
  contractsFlow,
];

/**
 * Every capability, registered explicitly. Order decides nothing; keywords must not collide. The
 * digests flow is built last from the sections the others declare (`Flow.digestSections`).
 */
export const flows: Flow[] = [...capabilities, digestsFlow(digestSectionsOf(capabilities))];
