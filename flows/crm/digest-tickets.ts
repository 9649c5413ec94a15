import { inList } from '../../db/in-list.js';
import { Ticket, type TicketDoc } from '../../db/models/ticket.js';
import {
  byReader,
  type DigestSection,
  type DigestSectionSpec,
  type RunContext,
  WITH_BUTTONS,
} from '../../src/bot/digest.js';
import { ageText, tr } from '../../src/bot/i18n.js';
import { CRM_CONFIG } from './config.js';

/** This flow's lines in the morning digest. */
const t = {
  resolve: { 'zh-CN': '解决', en: 'Resolve' },
  tickets: { 'zh-CN': '超时未解决的工单', en: 'Tickets past their SLA' },
  openFor: { 'zh-CN': '已开 {age}', en: 'open {age}' },
};

/** Ticket owners: their open tickets past the SLA, oldest first. */
async function overdueTickets(ctx: RunContext): Promise<Map<string, DigestSection>> {
  const cutoff = new Date(ctx.now.getTime() - CRM_CONFIG.ticketSlaHours * 3_600_000);
  const tickets = await Ticket.find({
    status: { $in: ['open', 'taken'] },
    createdAt: { $lt: cutoff },
    ...inList(
      'assigneeId',
      ctx.readers.map((r) => r.id),
    ),
  })
    .sort({ createdAt: 1 })
    .lean<TicketDoc[]>();
  const out = new Map<string, DigestSection>();
  for (const [reader, mine] of byReader(ctx, tickets, (k) => [k.assigneeId])) {
    const { locale } = reader;
    out.set(reader.id, {
      title: tr(locale, t.tickets),
      lines: mine.map(
        (k) =>
          `${k.no} · ${k.problem} · ${tr(locale, t.openFor, { age: ageText(k.createdAt, ctx.now, locale) })}`,
      ),
      buttons: mine.slice(0, WITH_BUTTONS).map((k) => ({
        actionId: 'crm.ticket.resolve',
        label: `${tr(locale, t.resolve)} ${k.no}`,
        style: 'primary' as const,
        value: k.no,
      })),
    });
  }
  return out;
}

/** What service tickets add to the morning digest. */
export const ticketDigestSections: DigestSectionSpec[] = [
  { name: 'crm.tickets', order: 80, load: overdueTickets },
];
