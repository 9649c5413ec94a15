import type mongoose from 'mongoose';
import { bulkWriteInSlices } from '../../db/bulk-write.js';
import { Customer, type Stage } from '../../db/models/customer.js';
import { FollowUp } from '../../db/models/follow-up.js';
import type { MigrationSpec } from '../../src/bot/flow.js';
import { KEPT } from './follow-ups.js';
import { logPass } from './log-passes.js';

type Id = mongoose.Types.ObjectId;
type Entry = { customerId: Id; at: Date; kind: string; stage: Stage | null };

/**
 * Customers written before they kept their profile's contact times and stage changes get them
 * from the follow-up log: the newest KEPT contacts, and each logged stage that differs from the
 * one before it. Passes over shares of the customers (log-passes.ts), so memory stays
 * bounded; idempotent (recomputed, not appended).
 */
export const profileMigration: MigrationSpec = {
  id: 'crm.customer-profile',
  async step(cursor) {
    const pass = await logPass(cursor);
    const logs = new Map<string, Entry[]>();
    const log = FollowUp.find({}, { customerId: 1, at: 1, kind: 1, stage: 1 }).lean<Entry[]>().cursor();
    for await (const entry of log) {
      if (!pass.holdsCustomer(entry.customerId)) continue;
      const key = String(entry.customerId);
      logs.set(key, [...(logs.get(key) ?? []), entry]);
    }
    const writes = [...logs].map(([id, entries]) => {
      const oldest = entries.sort((a, b) => a.at.getTime() - b.at.getTime());
      const stages: { stage: Stage; at: Date }[] = [];
      for (const e of oldest)
        if (e.stage && e.stage !== stages.at(-1)?.stage) stages.push({ stage: e.stage, at: e.at });
      const contacts = oldest.filter((e) => e.kind === 'note').map((e) => e.at);
      return {
        updateOne: {
          filter: { _id: id },
          update: {
            $set: {
              contactTimes: contacts.reverse().slice(0, KEPT),
              stageHistory: stages.reverse().slice(0, KEPT),
            },
          },
        },
      };
    });
    await bulkWriteInSlices(Customer, writes);
    return { cursor: pass.next, migrated: writes.length };
  },
};
