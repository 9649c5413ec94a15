import type { Flow } from '../src/bot/flow.js';
import { approvalsFlow } from './approvals/index.js';
import { crmFlow } from './crm/index.js';
import { helpFlow } from './help/index.js';
import { orgFlow } from './org/index.js';

/** Every capability, registered explicitly. Order decides nothing; keywords must not collide. */
export const flows: Flow[] = [approvalsFlow, crmFlow, helpFlow, orgFlow];
