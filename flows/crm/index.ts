import type { Flow } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { crmAdminRoutes } from './admin-routes.js';
import { crmCommands } from './commands.js';
import { createAndTell, createAnyway, customerFromButton, showCard } from './customer-handlers.js';
import { salesDigestSections } from './digest-sales.js';
import { ticketDigestSections } from './digest-tickets.js';
import { fieldCheckInPicked } from './field-check-in.js';
import { followUpPicked } from './follow-up-handlers.js';
import { crmHomeSections } from './home.js';
import { customersImport } from './import-customers.js';
import { crmJobs } from './jobs.js';
import { m } from './messages.js';
import { historyMigration, keysMigration, ticketNumbersMigration } from './migrations.js';
import { customerNamesCache } from './name-index.js';
import { returnCustomersOf } from './ownership.js';
import { phrasings } from './phrasings/index.js';
import { claimFromButton, lostReasonPicked } from './pool-handlers.js';
import { profileMigration } from './profile-migration.js';
import { readers } from './readers.js';
import { changeTicketAndTell } from './ticket-handlers.js';
import { trendMigration } from './trend-migration.js';

export const crmFlow: Flow = {
  name: 'crm',
  areas: [{ id: 'crm', label: { 'zh-CN': '客户', en: 'CRM' }, order: 30 }],
  phrasings,
  readers,
  commands: crmCommands,
  jobs: crmJobs,
  // history first: the keys' counts read the customers it completes
  migrations: [historyMigration, keysMigration, ticketNumbersMigration, profileMigration, trendMigration],
  caches: [customerNamesCache],
  imports: [customersImport],
  actions: [
    {
      actionId: 'crm.customer.pick',
      handle: async (ctx, a) => {
        const customer = await customerFromButton(ctx, a.value);
        if (customer) await showCard(ctx, customer);
      },
    },
    {
      actionId: 'crm.customer.quickCreate',
      handle: (ctx, a) => createAndTell(ctx, { name: a.value.slice(0, 80) }),
    },
    { actionId: 'crm.customer.createAnyway', handle: (ctx, a) => createAnyway(ctx, a.value) },
    { actionId: 'crm.followUp.pick', handle: (ctx, a) => followUpPicked(ctx, a.value) },
    { actionId: 'crm.fieldCheckIn.pick', handle: (ctx, a) => fieldCheckInPicked(ctx, a.value) },
    { actionId: 'crm.pool.claim', handle: (ctx, a) => claimFromButton(ctx, a.value) },
    { actionId: 'crm.lostReason.pick', handle: (ctx, a) => lostReasonPicked(ctx, a.value) },
    { actionId: 'crm.ticket.take', handle: (ctx, a) => changeTicketAndTell(ctx, a.value, { take: true }) },
    {
      // a resolution needs a note, which a button cannot carry: a form where the platform has
      // one, else ask for it in one line
      actionId: 'crm.ticket.resolve',
      form: (a) => ({ intent: 'crm.ticket.resolve', draft: { no: a.value } }),
      handle: async (ctx, a) => ctx.reply(tr(ctx.locale, m.resolveHow, { no: a.value })),
    },
  ],
  digestSections: [...salesDigestSections, ...ticketDigestSections],
  adminRoutes: crmAdminRoutes,
  homeSections: crmHomeSections,
  onEmployeeLeft: async (employeeId, _manager, now) => {
    await returnCustomersOf(employeeId, now);
  },
};
