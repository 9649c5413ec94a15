import type { Flow } from '../../src/bot/flow.js';
import { orderAdminRoutes } from './admin-routes.js';
import { orderCommands } from './commands.js';
import { orderDigestSections } from './digest.js';
import { advanceFromChat, showOrder } from './handlers.js';
import { ordersHomeSections } from './home.js';
import { installCommands } from './install-commands.js';
import { askReport, assignFromChat, pickInstaller } from './install-handlers.js';
import { orderCustomerMigration } from './match-customers.js';
import { purchaseOrderKeysMigration, salesOrderKeysMigration } from './migrations.js';
import { phrasings } from './phrasings.js';
import { ACTIONS, type OrderAction } from './pipeline.js';
import { purchaseCommands } from './purchase-commands.js';
import { readers } from './readers.js';
import { createFromProposal } from './reorder-handlers.js';
import { sampleCommands } from './sample-commands.js';
import { settleFromChat } from './sample-handlers.js';
import { supplierMigration } from './suppliers.js';

/** Card buttons carry "<SO-no> <action>"; shipping needs a carrier, so that button asks for it. */
export const ordersFlow: Flow = {
  name: 'orders',
  areas: [{ id: 'orders', label: { 'zh-CN': '订单', en: 'Orders' }, order: 35 }],
  phrasings,
  readers,
  commands: [...orderCommands, ...purchaseCommands, ...sampleCommands, ...installCommands],
  migrations: [
    supplierMigration,
    salesOrderKeysMigration,
    purchaseOrderKeysMigration,
    orderCustomerMigration,
  ],
  actions: [
    { actionId: 'orders.show', handle: (ctx, a) => showOrder(ctx, a.value) },
    { actionId: 'orders.sample.settle', handle: (ctx, a) => settleFromChat(ctx, a.value) },
    { actionId: 'orders.reorder.create', handle: (ctx, a) => createFromProposal(ctx, a.value) },
    { actionId: 'orders.install.pick', handle: (ctx, a) => pickInstaller(ctx, a.value) },
    {
      // "<SO-no> <employee id>": one installer's button on the pick card, with the default due date
      actionId: 'orders.install.assign',
      handle: (ctx, a) => {
        const [no = '', assignee = ''] = a.value.split(' ');
        return assignFromChat(ctx, { no, assignee, due: '' });
      },
    },
    {
      actionId: 'orders.install.done',
      // the note and photo link need a form where the platform has one; elsewhere it says what to type
      form: (a) => ({ intent: 'orders.install.done', draft: { no: a.value } }),
      handle: (ctx, a) => askReport(ctx, a.value),
    },
    {
      actionId: 'orders.advance',
      // shipping needs a carrier and tracking number: a form where the platform has one
      form: (a) => {
        const [no = '', action = ''] = a.value.split(' ');
        return action === 'ship' ? { intent: 'orders.advance', draft: { no, action } } : null;
      },
      handle: async (ctx, a) => {
        const [no = '', action = ''] = a.value.split(' ');
        if (!(ACTIONS as readonly string[]).includes(action)) return showOrder(ctx, no);
        await advanceFromChat(ctx, {
          no,
          action: action as OrderAction,
          carrier: '',
          tracking: '',
          note: '',
        });
      },
    },
  ],
  digestSections: orderDigestSections,
  adminRoutes: orderAdminRoutes,
  homeSections: ordersHomeSections,
};
