import { Employee } from '../../db/models/employee.js';
import type { JobSpec } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import type { Locale } from '../../src/bot/types.js';
import { CRM_CONFIG } from './config.js';
import { m } from './messages.js';
import { remindDueFollowUps } from './nudges.js';
import { returnIdleCustomers } from './ownership.js';
import { remindTicketsPastSla } from './tickets.js';

async function localeOf(employeeId: string): Promise<Locale> {
  const row = await Employee.findById(employeeId, { locale: 1 }).lean();
  return (row?.locale as Locale | undefined) ?? 'zh-CN';
}

/** Each is idempotent by its own claims or delivery keys: a second instance running it at once sends nothing twice. */
export const crmJobs: JobSpec[] = [
  {
    name: 'crm.returnIdleCustomers',
    every: '1 hour',
    run: ({ now, notify }) =>
      returnIdleCustomers(now, async (ownerId, customer) => {
        const text = tr(await localeOf(ownerId), m.returned, {
          name: customer.name,
          days: CRM_CONFIG.idleDays,
        });
        await notify(ownerId, { text });
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
