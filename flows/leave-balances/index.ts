import type { Flow } from '../../src/bot/flow.js';
import { leaveBalanceAdminRoutes } from './admin-routes.js';
import { balanceCommands, readBalance } from './commands.js';
import { leaveBalanceDigestSections } from './digest.js';
import { phrasings } from './phrasings.js';

export const leaveBalancesFlow: Flow = {
  name: 'leave-balances',
  areas: [],
  phrasings,
  readers: { 'leave.balance': readBalance },
  commands: balanceCommands,
  actions: [],
  digestSections: leaveBalanceDigestSections,
  adminRoutes: leaveBalanceAdminRoutes,
};
