import type mongoose from 'mongoose';
import { bulkWriteInSlices } from '../../db/bulk-write.js';
import { Customer, type HistoryLine } from '../../db/models/customer.js';
import { FollowUp } from '../../db/models/follow-up.js';
import { Ticket } from '../../db/models/ticket.js';
import { pointAll } from '../../db/pointers.js';
import { walk } from '../../db/walk.js';
import type { MigrationSpec } from '../../src/bot/flow.js';
import { type Added, pointAndList } from './bulk-added.js';
import { countAll, replaceCounts } from './counts.js';
import { RECENT_LINES } from './history.js';
import { ticketNoRef } from './keys.js';
import { logPass } from './log-passes.js';
import { customerNameWrites } from './name-index.js';
import { customerFields } from './recount.js';

type Id = mongoose.Types.ObjectId;
const BATCH = 5000;

/**
 * Customers written before they kept their own history: `recent` (the last five lines of the
 * follow-up log) and `openTickets`. The log is read whole once per pass; each pass keeps the
 * customers of one share (log-passes.ts), so memory stays bounded however long the log.
 * Idempotent: each customer's lines are recomputed, not appended.
 */
export const historyMigration: MigrationSpec = {
  id: 'crm.customer-history',
  async step(cursor) {
    const pass = await logPass(cursor);
    const recent = new Map<string, HistoryLine[]>();
    const log = FollowUp.find({}, { customerId: 1, at: 1, by: 1, kind: 1, channel: 1, note: 1 })
      .lean<(HistoryLine & { customerId: Id })[]>()
      .cursor();
    for await (const { customerId, ...line } of log) {
      if (!pass.holdsCustomer(customerId)) continue;
      const lines = [...(recent.get(String(customerId)) ?? []), line];
      recent.set(
        String(customerId),
        lines.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, RECENT_LINES),
      );
    }
    await bulkWriteInSlices(
      Customer,
      [...recent].map(([id, lines]) => ({
        updateOne: { filter: { _id: id }, update: { $set: { recent: lines } } },
      })),
    );
    if (pass.next) return { cursor: pass.next, migrated: recent.size };
    const open = await Ticket.find({ status: { $in: ['open', 'taken'] } }, { customerId: 1 })
      .sort({ createdAt: 1 })
      .lean();
    const tickets = new Map<string, Id[]>();
    for (const t of open)
      tickets.set(String(t.customerId), [...(tickets.get(String(t.customerId)) ?? []), t._id]);
    await bulkWriteInSlices(
      Customer,
      [...tickets].map(([id, ids]) => ({
        updateOne: { filter: { _id: id }, update: { $set: { openTickets: ids } } },
      })),
    );
    await Customer.updateMany({ recent: { $exists: false } }, { $set: { recent: [] } });
    await Customer.updateMany({ openTickets: { $exists: false } }, { $set: { openTickets: [] } });
    return { cursor: null, migrated: recent.size };
  },
};

/**
 * Customers written before their names were pointers, their owners kept lists and the company
 * its counts: pointers and lists batch by batch, then the counts from one read of the whole
 * collection (recomputed, so a repeated step changes nothing), and every instance's name index.
 */
export const keysMigration: MigrationSpec = {
  id: 'crm.customer-keys',
  async step(cursor, now) {
    if (cursor !== 'counts') {
      const done = await pointAndListAll(cursor, now);
      return done.cursor ? done : { cursor: 'counts', migrated: done.migrated };
    }
    await replaceCounts(countAll(await Customer.find({}, customerFields).lean<Added[]>()), now);
    await customerNameWrites.manySaved(now);
    return { cursor: null, migrated: 0 };
  },
};
const pointAndListAll = walk<Added>(Customer, customerFields, BATCH, pointAndList);

/** Tickets written before their numbers were pointers. */
export const ticketNumbersMigration: MigrationSpec = {
  id: 'crm.ticket-numbers',
  step: walk<{ _id: Id; no: string }>(Ticket, { no: 1 }, BATCH, (rows, now) =>
    pointAll(
      rows.map((t) => ({ key: ticketNoRef(t.no), ref: t._id })),
      now,
    ),
  ),
};
