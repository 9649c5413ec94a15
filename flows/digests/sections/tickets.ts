import { ageText, tr } from '../../../src/bot/i18n.js';
import { ticketsPastSla } from '../../crm/tickets.js';
import { byReader, type DigestSection, type RunContext } from '../section.js';
import { t } from '../text.js';

/** Ticket owners: their open tickets past the SLA. */
export async function overdueTickets(ctx: RunContext): Promise<Map<string, DigestSection>> {
  const tickets = await ticketsPastSla(ctx.now);
  const out = new Map<string, DigestSection>();
  for (const [reader, mine] of byReader(ctx, tickets, (k) => [k.assigneeId])) {
    out.set(reader.id, {
      title: tr(reader.locale, t.tickets),
      lines: mine.map(
        (k) =>
          `${k.no} · ${k.problem} · ${tr(reader.locale, t.openFor, { age: ageText(k.createdAt, ctx.now, reader.locale) })}`,
      ),
      buttons: mine.slice(0, 3).map((k) => ({
        actionId: 'crm.ticket.resolve',
        label: `${tr(reader.locale, t.resolve)} ${k.no}`,
        style: 'primary' as const,
        value: k.no,
      })),
    });
  }
  return out;
}
