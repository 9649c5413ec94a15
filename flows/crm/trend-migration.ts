import { addUp, type Counted, replaceWeeks, type WeekCounts, weekNumber } from '../../db/follow-up-weeks.js';
import { CONTACT_KINDS, FollowUp, type FollowUpKind } from '../../db/models/follow-up.js';
import type { MigrationSpec } from '../../src/bot/flow.js';
import { logPass } from './log-passes.js';

/**
 * The weekly rollup behind the follow-up trend (db/follow-up-weeks.ts), counted from the whole
 * log for follow-ups written before it was kept on insert. Each pass (log-passes.ts) recounts the
 * UTC weeks of one share and replaces their documents, so memory stays bounded
 * and a repeated pass changes nothing. Also the repair after a crash between an insert and its
 * count: mark the migration unfinished and it runs again at the next start.
 */
export const trendMigration: MigrationSpec = {
  id: 'crm.follow-up-weeks',
  async step(cursor, now) {
    const pass = await logPass(cursor);
    const counts: WeekCounts = new Map();
    let counted = 0;
    const log = FollowUp.find({}, { by: 1, at: 1, kind: 1 })
      .lean<(Counted & { kind: FollowUpKind })[]>()
      .cursor();
    for await (const entry of log) {
      if (!pass.holds(weekNumber(entry.at)) || !CONTACT_KINDS.includes(entry.kind)) continue;
      addUp([entry], counts);
      counted++;
    }
    await replaceWeeks(counts, now);
    return { cursor: pass.next, migrated: counted };
  },
};
