import { Employee } from '../../db/models/employee.js';
import type { JobSpec } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import type { Locale } from '../../src/bot/types.js';
import { CRM_CONFIG } from './config.js';
import { m } from './messages.js';
import { remindDueFollowUps } from './nudges.js';
import { returnIdleCustomers } from './ownership.js';
import { remindTicketsPastSla } from './tickets.js';

const ticketReminder = {
  'zh-CN': '工单 {no} 已超过 {hours} 小时未解决：{problem}',
  en: 'Ticket {no} has been open over {hours} hours: {problem}',
};

async function localeOf(employeeId: string): Promise<Locale> {
  const row = await Employee.findById(employeeId, { locale: 1 }).lean();
  return (row?.locale as Locale | undefined) ?? 'zh-CN';
}

/** Both are idempotent by their own claims, so a second instance running them at once sends nothing twice. */
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
    run: ({ now, reminders }) =>
      remindTicketsPastSla(now, async (assigneeId, ticket) => {
        const vars = { no: ticket.no, hours: CRM_CONFIG.ticketSlaHours, problem: ticket.problem };
        // a reminder like the others: held in quiet hours, dropped when muted
        await reminders.deliver({
          employeeId: assigneeId,
          kind: 'reminder',
          key: `ticket-sla:${ticket._id}:${Math.floor(now.getTime() / (CRM_CONFIG.ticketSlaHours * 3_600_000))}`,
          reply: { text: tr(await localeOf(assigneeId), ticketReminder, vars) },
          at: now,
        });
      }),
  },
  {
    name: 'crm.remindDueFollowUps',
    every: '5 minutes',
    run: ({ now, reminders }) => remindDueFollowUps(now, reminders),
  },
];
