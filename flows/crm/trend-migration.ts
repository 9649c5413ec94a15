import {
  addUp,
  type Counted,
  clearMissed,
  replaceWeeks,
  type WeekCounts,
  weekNumber,
} from '../../db/follow-up-weeks.js';
import { CONTACT_KINDS, FollowUp, type FollowUpKind } from '../../db/models/follow-up.js';
import type { MigrationSpec } from '../../src/bot/flow.js';
import { logPass } from './log-passes.js';

/**
 * The weekly rollup behind the follow-up trend (db/follow-up-weeks.ts), counted from the whole
 * log for follow-ups written before it was kept on insert. Each pass (log-passes.ts) recounts the
 * UTC weeks of one share and replaces their documents, so memory stays bounded
 * and a repeated pass changes nothing. Also the repair of counts an insert missed
 * (`recountFollowUpWeeks`).
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

/**
 * Counts the whole follow-up log into the weekly rollup again: the repair after an insert whose
 * count failed (its weeks are marked, and the trend says it may be short) or a crash between an
 * insert and its count. The marks go first, so a count missed while this runs stays marked. An
 * admin's repair (`POST /api/crm/recount`), never a chat turn; as the customers' recount, a
 * follow-up inserted while it runs may be counted as of the read.
 */
export async function recountFollowUpWeeks(now: Date): Promise<{ followUps: number; missedWeeks: number }> {
  const missedWeeks = await clearMissed();
  let followUps = 0;
  let cursor: string | null = null;
  do {
    const step = await trendMigration.step(cursor, now);
    followUps += step.migrated;
    cursor = step.cursor;
  } while (cursor);
  return { followUps, missedWeeks };
}
