import type mongoose from 'mongoose';
import { FollowUp } from '../../db/models/follow-up.js';

/** Follow-ups one pass keeps in memory at most, on average (a pass reads the whole log). */
const PER_PASS = 200_000;

/**
 * Where a migration that rebuilds something from the whole follow-up log stands. Each pass reads
 * the log once and keeps one share of it (a share of the customers, or of the weeks), so memory
 * stays bounded however long the log; the cursor is `<pass>/<passes>`, and the first step counts
 * the passes from the log's size.
 */
export async function logPass(cursor: string | null) {
  const [pass = 0, passes = 1] = cursor
    ? cursor.split('/').map(Number)
    : [0, Math.ceil((await FollowUp.estimatedDocumentCount()) / PER_PASS) || 1];
  return {
    /** Whether a number (a customer's id, a week) falls in this pass's share. */
    holds: (n: number) => n % passes === pass,
    /** Whether a customer falls in this pass's share (by the low bits of its id). */
    holdsCustomer: (id: mongoose.Types.ObjectId) =>
      Number.parseInt(String(id).slice(-6), 16) % passes === pass,
    /** The cursor of the next pass; null after the last. */
    next: pass + 1 < passes ? `${pass + 1}/${passes}` : null,
  };
}
