import type { JobSpec } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { CRM_CONFIG } from './config.js';
import { m } from './messages.js';
import { remindDueFollowUps } from './nudges.js';
import { returnIdleCustomers } from './ownership.js';
import { remindTicketsPastSla } from './tickets.js';

/** Each is idempotent by its own claims or delivery keys: a second instance running it at once sends nothing twice. */
export const crmJobs: JobSpec[] = [
  {
    name: 'crm.returnIdleCustomers',
    every: '1 hour',
    run: ({ now, notify }) =>
      returnIdleCustomers(now, async (ownerId, customer) => {
        await notify(ownerId, (to) => ({
          text: tr(to.locale, m.returned, { name: customer.name, days: CRM_CONFIG.idleDays }),
        }));
      }),
  },
  {
    name: 'crm.remindTicketsPastSla',
    every: '15 minutes',
    run: ({ now, reminders }) => remindTicketsPastSla(now, reminders),
  },
  {
    name: 'crm.remindDueFollowUps',
    every: '5 minutes',
    run: ({ now, reminders }) => remindDueFollowUps(now, reminders),
  },
];
