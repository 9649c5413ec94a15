import {
  addUp,
  type Counted,
  dropMarks,
  missedMarks,
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
 * UTC weeks of one share and replaces their documents, so memory stays bounded and a repeated
 * pass changes nothing. Also the repair of counts an insert missed (`recountFollowUpWeeks`).
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
 * count failed (its rollups are marked, and the trends reading them say they may be short) or a
 * crash between an insert and its count. Only the marks found before it are dropped, and only
 * once every pass is done: a recount that fails leaves them, and so does a count missed while it
 * runs — unless its rollup was marked already (the mark is one document, dropped at the end).
 * An admin's repair (`POST /api/crm/recount`), never a chat turn: like the customers' recount it
 * is exact in a quiet moment, but an insert counted while a pass runs may end up once short
 * (its count landed between the pass's read and its write) or once over (read, then counted).
 */
export async function recountFollowUpWeeks(now: Date): Promise<{ followUps: number; missed: number }> {
  const marks = await missedMarks();
  let followUps = 0;
  let cursor: string | null = null;
  do {
    const step = await trendMigration.step(cursor, now);
    followUps += step.migrated;
    cursor = step.cursor;
  } while (cursor);
  await dropMarks(marks);
  return { followUps, missed: marks.length };
}
