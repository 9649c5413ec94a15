import { ProcessedEvent } from './models/processed-event.js';
import { pruneOldest } from './prune.js';

/** Platforms retry for minutes, not days, so a day of history is plenty. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Records a platform event id; false when it was already recorded (a retry or a duplicate
 * delivery). Old ids are pruned by a job (`pruneProcessedEvents`), never on a turn.
 */
export async function claimEvent(platform: string, eventId: string, now: Date): Promise<boolean> {
  try {
    await ProcessedEvent.create({ platform, eventId, at: now });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** Forgets event ids older than a day, at most `max` of them. */
export function pruneProcessedEvents(now: Date, max: number): Promise<number> {
  return pruneOldest(ProcessedEvent, {}, 'at', new Date(now.getTime() - KEEP_MS), max);
}

export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}
