import type { Flow } from '../../src/bot/flow.js';
import { contractAdminRoutes } from './admin-routes.js';
import { contractCommands } from './commands.js';
import { showOne } from './handlers.js';
import { contractsHomeSections } from './home.js';
import { contractJobs } from './jobs.js';
import { handContractsOf } from './leaver.js';
import { phrasings } from './phrasings.js';
import { readers } from './readers.js';

/** Customer contracts and receivables (客户合同): plans, approval over the line, payments, reminders. */
export const contractsFlow: Flow = {
  name: 'contracts',
  areas: [{ id: 'contracts', label: { 'zh-CN': '合同', en: 'Contracts' }, order: 33 }],
  phrasings,
  readers,
  commands: contractCommands,
  jobs: contractJobs,
  actions: [{ actionId: 'contracts.show', handle: (ctx, a) => showOne(ctx, a.value) }],
  adminRoutes: contractAdminRoutes,
  homeSections: contractsHomeSections,
  onEmployeeLeft: async (employeeId, managerId, now) => {
    await handContractsOf(employeeId, managerId, now);
  },
};
